import path from "node:path";
import { DuckDbParquetWriter } from "@/lib/adapters/duckdb/parquet-writer";
import type { LakeRow } from "@/lib/lake/tables";
import { tempDir } from "./databases";

const at = (iso: string) => Date.parse(iso);

const finding = (id: string, updated: string, over: LakeRow): LakeRow => ({
  finding_id: id,
  origin: "guardduty",
  finding_type: "Recon:EC2/PortProbeUnprotectedPort",
  account_id: "111122223333",
  region: "us-east-1",
  resource_type: "Instance",
  resource_id: `i-0${id.replace(/\D/g, "")}abc`,
  first_seen: at(updated) - 3_600_000,
  last_seen: at(updated),
  updated_at: at(updated),
  matched_event_ids: [],
  source_key: `fixture/${id}.jsonl`,
  source_ordinal: 0,
  ...over,
});

/**
 * The findings the lake contract reads: titles that would change a query if pasted into SQL,
 * a row with nulls, and a second day so a window can exclude it.
 */
export const LAKE_FINDINGS: LakeRow[] = [
  finding("f-1", "2026-11-20T09:15:00.000Z", {
    title: "Port probe on i-01abc",
    severity: 5,
    severity_vendor: 5.0,
    event_count: 3,
  }),
  finding("f-2", "2026-11-20T13:40:00.250Z", {
    title: "O'Brien's bucket is public; DROP TABLE findings; --",
    severity: 8,
    severity_vendor: 8.5,
    event_count: 12_000_000_000,
  }),
  finding("f-3", "2026-11-20T13:45:00.000Z", {
    title: "' OR '1'='1",
    severity: 2,
    severity_vendor: 2.25,
    event_count: 1,
  }),
  finding("f-4", "2026-11-20T23:59:59.999Z", { title: null, severity: null, severity_vendor: null, event_count: null }),
  finding("f-5", "2026-11-21T00:30:00.000Z", { title: "Next day", severity: 8, severity_vendor: 8.0, event_count: 7 }),
];

let built: Promise<string> | undefined;

/** A lake root with `LAKE_FINDINGS` as Parquet under `processed/findings/dt=…/hr=…/`, written once per test file. */
export function lakeFixture(): Promise<string> {
  built ??= (async () => {
    const root = tempDir("lake-contract");
    const writer = await DuckDbParquetWriter.create({ threads: 1 });
    try {
      await writer.write("findings", LAKE_FINDINGS, path.join(root, "processed"), "fixture");
    } finally {
      writer.close();
    }
    return root;
  })();
  return built;
}
