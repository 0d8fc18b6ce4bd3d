import path from "node:path";
import { DuckDbLakeQuery } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { DuckDbParquetWriter } from "@/lib/adapters/duckdb/parquet-writer";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import type { CloudTrailRecord } from "@/lib/detections/rule";
import { runScheduledDetections, type ScheduledDeps } from "@/lib/detections/run-scheduled-detections";
import { runLakeEtl } from "@/lib/lake/run-lake-etl";
import type { Database } from "@/lib/ports/database";
import { tempDir } from "./databases";

const FLOW_HEADER =
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
let serial = 0;

/** One raw object's key and text as AWS delivers it: a trail file, or a flow log file with its header. */
export function rawObjectOf(content: CloudTrailRecord[] | string[]): { key: string; text: string } {
  serial++;
  if (typeof content[0] === "string")
    return {
      key: `AWSLogs/111122223333/vpcflowlogs/us-east-1/2026/11/20/111122223333_vpcflowlogs_us-east-1_fl-0a1b_${serial}.log`,
      text: `${FLOW_HEADER}\n${(content as string[]).join("\n")}\n`,
    };
  return {
    key: `AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/111122223333_CloudTrail_us-east-1_20261120T1005Z_${serial}.json`,
    text: JSON.stringify({ Records: content }),
  };
}

/** A lake in a temp dir that the real ETL loads and the scheduled engine reads (DuckDB). */
export class DetectionLake {
  readonly store: FsObjectStore;
  private constructor(
    readonly root: string,
    readonly db: Database,
    readonly writer: DuckDbParquetWriter,
    readonly lake: DuckDbLakeQuery,
  ) {
    this.store = new FsObjectStore(root);
  }

  static async open(db: Database): Promise<DetectionLake> {
    const root = tempDir("detections-lake");
    const writer = await DuckDbParquetWriter.create({ threads: 1, memoryLimit: "256MB" });
    return new DetectionLake(root, db, writer, await DuckDbLakeQuery.open(root));
  }

  /** A new lake on a database with no detection history: windows, raised findings and loaded objects forgotten. */
  static async fresh(db: Database): Promise<DetectionLake> {
    for (const sql of ["DELETE FROM detection_windows", "DELETE FROM finding_events", "DELETE FROM lake_objects"])
      await db.query(sql);
    await db.query("UPDATE detection_state SET objects_seen_until = '-infinity'");
    return DetectionLake.open(db);
  }

  /** Loads raw objects through the lake ETL. */
  async load(objects: (CloudTrailRecord[] | string[])[]): Promise<void> {
    const raws = objects.map(rawObjectOf).map((o) => ({
      key: o.key,
      size: o.text.length,
      etag: String(serial),
      read: async () => Buffer.from(o.text),
    }));
    await runLakeEtl({
      db: this.db,
      lake: this.store,
      writer: this.writer,
      stagingRoot: path.join(this.root, "staging"),
      objects: raws,
      trigger: "test",
    });
  }

  /** Runs the scheduled engine over this lake. */
  run(opts: Partial<ScheduledDeps> = {}) {
    return runScheduledDetections({
      db: this.db,
      lake: this.lake,
      store: this.store,
      writer: this.writer,
      stagingRoot: path.join(this.root, "det-staging"),
      backfillHours: 6,
      ...opts,
    });
  }

  /** Current findings of the lake (one per finding id), of the given finding types. */
  async findings(
    types: readonly string[],
  ): Promise<{ finding_id: string; finding_type: string; event_count: number; detail: string }[]> {
    if (!types.length) return [];
    const { rows } = await this.lake.query<{
      finding_id: string;
      finding_type: string;
      event_count: number;
      detail: string;
    }>(
      `SELECT finding_id, finding_type, event_count, detail FROM (
         SELECT *, row_number() OVER (PARTITION BY finding_id ORDER BY updated_at DESC) AS rn
         FROM ${this.lake.dialect.table("findings")}) WHERE rn = 1 AND finding_type IN (${types.map(() => "?").join(", ")})
       ORDER BY finding_type, finding_id`,
      [...types],
    );
    return rows;
  }

  async close(): Promise<void> {
    await this.lake.close();
    this.writer.close();
  }
}
