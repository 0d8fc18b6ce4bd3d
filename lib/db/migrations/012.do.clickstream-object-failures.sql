-- Raw objects the warehouse load could not load (an unreadable object, a database error): each
-- failed attempt is counted; after a few the object is quarantined whole (shown on the pipeline
-- page) and later runs pass over it, so one bad object never blocks the objects after it.
CREATE TABLE clickstream_object_failures (
  object_key       text PRIMARY KEY,
  hour             timestamptz NOT NULL,
  size             bigint NOT NULL,
  attempts         integer NOT NULL DEFAULT 0,
  last_error       text NOT NULL,
  first_failed_at  timestamptz NOT NULL DEFAULT now(),
  last_failed_at   timestamptz NOT NULL DEFAULT now(),
  quarantined_at   timestamptz
);

-- A run that loaded what it could but left objects behind ends 'partial', never 'failed'.
ALTER TABLE clickstream_runs ADD COLUMN failed_objects integer NOT NULL DEFAULT 0;
ALTER TABLE clickstream_runs DROP CONSTRAINT clickstream_runs_status_check;
ALTER TABLE clickstream_runs ADD CONSTRAINT clickstream_runs_status_check
  CHECK (status IN ('running', 'succeeded', 'partial', 'failed', 'skipped'));
