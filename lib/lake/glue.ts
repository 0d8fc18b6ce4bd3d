import { type ColumnType, PARTITION_KEYS, TABLES, type TableName } from "./tables";

/** Hive/Glue type of each column type, as Athena reads our Parquet. */
export const GLUE_TYPE: Record<ColumnType, string> = {
  string: "string",
  json: "string",
  int: "int",
  bigint: "bigint",
  double: "double",
  boolean: "boolean",
  timestamp: "timestamp",
  "string[]": "array<string>",
};

/** The shape of Glue's TableInput that we fill (a subset of @aws-sdk/client-glue's type). */
export interface GlueTableInput {
  Name: string;
  TableType: "EXTERNAL_TABLE";
  Parameters: Record<string, string>;
  PartitionKeys: { Name: string; Type: string }[];
  StorageDescriptor: {
    Columns: { Name: string; Type: string; Comment?: string }[];
    Location: string;
    InputFormat: string;
    OutputFormat: string;
    SerdeInfo: { SerializationLibrary: string; Parameters: Record<string, string> };
    Compressed: boolean;
  };
}

/**
 * An external Parquet table at `location` (ends with `/`) with partition projection on dt/hr:
 * Athena computes partitions from the query's predicates, so there is no crawler and no
 * per-partition registration to drift.
 */
export function projectedParquetTable(
  name: string,
  location: string,
  columns: GlueTableInput["StorageDescriptor"]["Columns"],
  projectionStart: string,
  /** `hr` values besides the hours 00–23 (a compacted day's `hr=day`): the projection lists them all. */
  extraHours: readonly string[] = [],
): GlueTableInput {
  const hours: Record<string, string> = extraHours.length
    ? {
        "projection.hr.type": "enum",
        "projection.hr.values": [
          ...Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0")),
          ...extraHours,
        ].join(","),
      }
    : { "projection.hr.type": "integer", "projection.hr.range": "0,23", "projection.hr.digits": "2" };
  return {
    Name: name,
    TableType: "EXTERNAL_TABLE",
    Parameters: {
      EXTERNAL: "TRUE",
      classification: "parquet",
      "parquet.compression": "ZSTD",
      "projection.enabled": "true",
      "projection.dt.type": "date",
      "projection.dt.format": "yyyy-MM-dd",
      "projection.dt.range": `${projectionStart},NOW`,
      "projection.dt.interval": "1",
      "projection.dt.interval.unit": "DAYS",
      ...hours,
      "storage.location.template": `${location}dt=\${dt}/hr=\${hr}`,
    },
    PartitionKeys: PARTITION_KEYS.map((k) => ({ Name: k.name, Type: k.type })),
    StorageDescriptor: {
      Columns: columns,
      Location: location,
      InputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
      OutputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
      SerdeInfo: {
        SerializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
        Parameters: {},
      },
      Compressed: true,
    },
  };
}

/** A lake table over `s3://<bucket>/processed/<table>/`. */
export function glueTableInput(table: TableName, opts: { bucket: string; projectionStart: string }): GlueTableInput {
  return projectedParquetTable(
    table,
    `s3://${opts.bucket}/processed/${table}/`,
    TABLES[table].columns.map((c) => ({
      Name: c.name,
      Type: GLUE_TYPE[c.type],
      ...(c.type === "json" ? { Comment: "JSON text" } : {}),
    })),
    opts.projectionStart,
  );
}
