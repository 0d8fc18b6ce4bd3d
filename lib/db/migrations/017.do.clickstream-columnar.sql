-- The columnar copy of the warehouse (Parquet by event day and hour, written by the same ETL run):
-- one row per raw object, written in the object's load transaction. The row is the promise that the
-- object's Parquet files exist: `published_at` is set once they do, and a run finding a row without
-- it writes them again from the raw object. `skipped_ids` are the object's events another object had
-- loaded first: they are in that object's files, never twice.
CREATE TABLE clickstream_columnar_objects (
  object_key    text PRIMARY KEY,
  hour          timestamptz NOT NULL,
  parts         text[] NOT NULL,
  skipped_ids   uuid[] NOT NULL DEFAULT '{}',
  published_at  timestamptz
);
CREATE INDEX clickstream_columnar_unpublished_idx ON clickstream_columnar_objects (object_key) WHERE published_at IS NULL;
