-- Compaction of the columnar copy. Once no object can add to an hour partition any more (every object
-- with files there is older than the late window and published), the partition's per-object files
-- are merged into one file sorted by session. A row is written before the merged file is published
-- and marked done once the files it replaces are deleted: a run finding an unfinished row finishes it
-- when the merged file is in the store, and drops it when it is not (the old files are still there).
-- `closed_before`: every object with files in the partition was older than this when it was merged,
-- so a later object (a late event) makes the partition due again.
CREATE TABLE clickstream_columnar_compactions (
  id            bigserial PRIMARY KEY,
  part          text NOT NULL,
  file_key      text,
  inputs        text[] NOT NULL,
  rows          bigint NOT NULL,
  closed_before timestamptz NOT NULL,
  done_at       timestamptz
);
CREATE INDEX clickstream_columnar_compactions_part_idx ON clickstream_columnar_compactions (part);
CREATE INDEX clickstream_columnar_objects_parts_idx ON clickstream_columnar_objects USING gin (parts);
