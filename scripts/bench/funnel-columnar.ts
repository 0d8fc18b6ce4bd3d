/**
 * The columnar half of `bench:funnel`: the bench's events as the warehouse ETL's columnar copy
 * (Parquet per event hour, the same rows the warehouse holds) and DuckDB reading it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eventLakeAt, openLocalLakeQuery, openParquetWriter } from "@/lib/adapters/compose/lake-engines";
import { COLUMNAR_COLUMNS, partitionOfMs } from "@/lib/clickstream/columnar-copy";
import { COL, eventToWarehouseRow, type WarehouseRow } from "@/lib/clickstream/warehouse-rows";
import { syntheticSessions } from "@/lib/demo/synthetic-clickstream";
import type { EventLakeQuery } from "@/lib/ports/event-lake";

export const BENCH_DAYS = 30;

/** The bench's events, in session start order, as warehouse rows (deterministic: seed 33). */
export function* generateBenchRows(events: number, end: number): Generator<WarehouseRow[]> {
  let written = 0;
  for (const session of syntheticSessions({ sessions: Math.ceil(events / 2.6), days: BENCH_DAYS, end, seed: 33 })) {
    const rows: WarehouseRow[] = [];
    for (const e of session) {
      if (written >= events) break;
      rows.push(eventToWarehouseRow(e, (e.timestamp as number) + 2000));
      written++;
    }
    yield rows;
    if (written >= events) return;
  }
}

/**
 * The same events as the warehouse, one Parquet file per event hour (sessions come in start order
 * and last well under six hours, so an hour is written once the sessions have moved six hours past
 * it). Reused when it was written for the same events and end.
 */
export async function ensureColumnarCopy(events: number, end: number, name: string): Promise<string> {
  const root = path.join(os.tmpdir(), `sightline-${name}-columnar`);
  const metaFile = path.join(root, "meta.json");
  const want = JSON.stringify({ events, end });
  if (fs.existsSync(metaFile) && fs.readFileSync(metaFile, "utf8") === want) return root;
  fs.rmSync(root, { recursive: true, force: true });
  const writer = await openParquetWriter({ threads: 2, memoryLimit: "1GB" });
  const t0 = performance.now();
  const hours = new Map<string, WarehouseRow[]>();
  const flush = async (part: string) => {
    await writer.writeFile(COLUMNAR_COLUMNS, hours.get(part) ?? [], path.join(root, "events", part, "bench.parquet"));
    hours.delete(part);
  };
  try {
    for (const rows of generateBenchRows(events, end)) {
      const first = rows[0];
      if (!first) continue;
      for (const r of rows) {
        const part = partitionOfMs(r[COL.ts] as number);
        const list = hours.get(part);
        if (list) list.push(r);
        else hours.set(part, [r]);
      }
      const done = partitionOfMs((first[COL.ts] as number) - 6 * 3_600_000);
      for (const part of [...hours.keys()]) if (part < done) await flush(part);
    }
    for (const part of [...hours.keys()]) await flush(part);
  } finally {
    writer.close();
  }
  fs.writeFileSync(metaFile, want);
  console.log(`wrote the columnar copy (${root}) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return root;
}

/** DuckDB over the bench's columnar copy. */
export async function openBenchEventLake(root: string): Promise<{ lake: EventLakeQuery; close(): Promise<void> }> {
  const engine = await openLocalLakeQuery(root, { connections: 1, threads: os.cpus().length });
  return { lake: eventLakeAt(engine, root), close: () => engine.close() };
}
