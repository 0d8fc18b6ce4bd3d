/**
 * The per-session summaries the ETL writes once days are merged (`lib/clickstream/columnar-summaries.ts`),
 * written for a bench layout by the product's own writer and naming, so the lake reads them as it
 * reads the ETL's. Days that already have a matching summary are kept.
 */
import fs from "node:fs";
import path from "node:path";
import { openParquetWriter } from "@/lib/adapters/compose/lake-engines";
import { listCopyDayFiles } from "@/lib/adapters/duckdb/duckdb-event-lake";
import { computeSummaryTag, summaryInputDays, summaryKey } from "@/lib/clickstream/session-summary";

/** Writes the missing summaries of every day of the layout at `root`; returns seconds spent and bytes written. */
export async function ensureSessionSummaries(
  root: string,
  threads: number,
): Promise<{ written: number; seconds: number; bytes: number }> {
  const days = fs
    .readdirSync(path.join(root, "events"))
    .filter((d) => d.startsWith("dt="))
    .map((d) => d.slice(3))
    .sort();
  const writer = await openParquetWriter({ threads, memoryLimit: "4GB" });
  const t0 = performance.now();
  let written = 0;
  let bytes = 0;
  try {
    for (const day of days) {
      const files = summaryInputDays(day).flatMap((d) => listCopyDayFiles(root, d));
      const file = path.join(root, summaryKey(day, computeSummaryTag(files)));
      if (!fs.existsSync(file)) {
        fs.rmSync(path.dirname(file), { recursive: true, force: true });
        await writer.summarizeSessions(
          files.map((f) => path.join(root, f.key)),
          day,
          file,
        );
        written++;
      }
      bytes += fs.statSync(file).size;
    }
  } finally {
    writer.close();
  }
  return { written, seconds: (performance.now() - t0) / 1000, bytes };
}
