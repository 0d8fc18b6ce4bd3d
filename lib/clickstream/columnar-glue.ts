import { type GlueTableInput, projectedParquetTable } from "@/lib/lake/glue";
import type { ParquetColumnType } from "@/lib/ports/parquet-file-writer";
import { COMPACTED_HOUR } from "./columnar-compaction";
import { COLUMNAR_COLUMNS } from "./columnar-copy";

/**
 * The columnar copy in AWS: the clickstream ETL writes it to the processed-lake bucket under
 * `clickstream/` (the same `events/dt=…/hr=…/<object id>.parquet` layout as locally), and Glue
 * registers it as one table with partition projection, so Athena reads the same files.
 */
export const CLICKSTREAM_COPY_PREFIX = "clickstream/";
export const CLICKSTREAM_GLUE_TABLE = "clickstream_events";

/** How Athena reads each of the copy's Parquet column types. */
const GLUE_TYPE: Record<ParquetColumnType, string> = {
  text: "string",
  timestamp: "timestamp",
  boolean: "boolean",
  integer: "int",
  money: "decimal(14,2)",
};

/** The copy's Glue table over `s3://<bucket>/clickstream/events/` (a compacted day is `hr=day`). */
export function clickstreamGlueTable(opts: { bucket: string; projectionStart: string }): GlueTableInput {
  return projectedParquetTable(
    CLICKSTREAM_GLUE_TABLE,
    `s3://${opts.bucket}/${CLICKSTREAM_COPY_PREFIX}events/`,
    COLUMNAR_COLUMNS.map((c) => ({ Name: c.name, Type: GLUE_TYPE[c.type] })),
    opts.projectionStart,
    [COMPACTED_HOUR],
  );
}
