/**
 * Read-side definitions over the Parquet tables (DuckDB dialect; the Athena adapter keeps its
 * own equivalents). Parquet files are immutable, so a GuardDuty finding that repeats is a new
 * observation row; `findings_current` folds observations into one row per finding id: the
 * latest observation's fields (so GuardDuty's own count), first seen = earliest, last seen =
 * latest, plus how many observations we received.
 */
export const duckDbTableSource = (lakeRoot: string, table: string) =>
  `read_parquet('${`${lakeRoot}/processed/${table}/*/*/*.parquet`.replace(/'/g, "''")}', hive_partitioning = true, hive_types = {'dt': VARCHAR, 'hr': VARCHAR}, union_by_name = true, filename = true)`;

export const findingsCurrentSql = (source: string) => `
  WITH obs AS (SELECT * FROM ${source}),
  agg AS (
    SELECT finding_id, min(first_seen) AS fs, max(last_seen) AS ls, count(*) AS observations
    FROM obs GROUP BY finding_id
  )
  SELECT o.* REPLACE (a.fs AS first_seen, a.ls AS last_seen), a.observations
  FROM obs o JOIN agg a USING (finding_id)
  QUALIFY row_number() OVER (PARTITION BY o.finding_id ORDER BY o.updated_at DESC, o.source_key DESC, o.source_ordinal DESC) = 1`;
