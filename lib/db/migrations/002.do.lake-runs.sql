-- Lake ETL bookkeeping: one row per run, one row per raw object (its latest processing).
CREATE TABLE lake_runs (
  id           bigserial PRIMARY KEY,
  trigger      text NOT NULL,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  status       text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed')),
  objects      integer NOT NULL DEFAULT 0,
  unchanged    integer NOT NULL DEFAULT 0,
  rows         jsonb NOT NULL DEFAULT '{}'::jsonb,
  quarantined  integer NOT NULL DEFAULT 0,
  skipped      jsonb NOT NULL DEFAULT '{}'::jsonb,
  errors       integer NOT NULL DEFAULT 0,
  error        text,
  duration_ms  integer
);
CREATE INDEX lake_runs_started_idx ON lake_runs (started_at DESC);

CREATE TABLE lake_objects (
  source_key          text PRIMARY KEY,
  object_id           text NOT NULL,
  kind                text NOT NULL,
  size                bigint NOT NULL,
  etag                text NOT NULL,
  processed_at        timestamptz NOT NULL DEFAULT now(),
  run_id              bigint REFERENCES lake_runs (id),
  rows                jsonb NOT NULL DEFAULT '{}'::jsonb,
  quarantined         integer NOT NULL DEFAULT 0,
  skipped             jsonb NOT NULL DEFAULT '{}'::jsonb,
  quarantine_samples  jsonb NOT NULL DEFAULT '[]'::jsonb,
  outputs             integer NOT NULL DEFAULT 0,
  error               text
);
CREATE INDEX lake_objects_processed_idx ON lake_objects (processed_at DESC);
CREATE INDEX lake_objects_quarantined_idx ON lake_objects (processed_at DESC) WHERE quarantined > 0;
