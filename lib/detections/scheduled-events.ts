import type { LakeRow } from "@/lib/lake/tables";
import type { ScheduledTable } from "./rule";

/** One event a scheduled query returned: its key, time (ms), id and the columns a finding needs. */
export interface KeyedEvent {
  k: string;
  t: number;
  id: string;
  step?: number;
  row: LakeRow;
}

const LISTS = ["any_ip", "any_arn", "any_instance_id", "any_access_key_id", "any_account_id"];

/** Query rows → events, with indicator lists parsed back and the time in the table's own column. */
export function toKeyedEvents(rows: readonly Record<string, unknown>[], table: ScheduledTable): KeyedEvent[] {
  return rows.map((r) => {
    const row: LakeRow = {};
    for (const [c, v] of Object.entries(r)) {
      if (LISTS.includes(c)) row[c] = typeof v === "string" ? (JSON.parse(v) as string[]) : [];
      else row[c] = v as LakeRow[string];
    }
    row[table === "cloudtrail" ? "event_time" : "start_time"] = Number(r.t);
    return {
      k: String(r.k),
      t: Number(r.t),
      id: String(r.id),
      step: r.step === undefined ? undefined : Number(r.step),
      row,
    };
  });
}

/** Events grouped by key, each group in time order (the query already orders them). */
export function byKey(events: readonly KeyedEvent[]): Map<string, KeyedEvent[]> {
  const out = new Map<string, KeyedEvent[]>();
  for (const e of events) out.set(e.k, [...(out.get(e.k) ?? []), e]);
  return out;
}
