-- Compaction of the columnar copy. Once no object can add to a day any more (every object with files
-- that day is older than the late window and published), the day's per-object, per-hour files are
-- merged into one file sorted by session (`part` is the day, `dt=YYYY-MM-DD`). A row is written
-- before the merged file is published and marked done once the files it replaces are deleted: a run
-- finding an unfinished row finishes it when the merged file is in the store, and drops it when it
-- is not (the old files are still there).
-- `closed_before`: every object with files that day was older than this when it was merged,
-- so a later object (a late event) makes the day due again.
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
