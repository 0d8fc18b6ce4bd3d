import type { Queryable } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import { hourOfKey } from "./ingest";
import { listQuarantinedObjects } from "./object-failures";

/** Late objects are picked up for this long after their hour. */
export const LATE_HOURS = 72;

const iso = (d: Date | string) => new Date(d).toISOString();

/** A raw object the warehouse has not loaded yet, under its receive hour. */
export interface PendingObject {
  hour: string;
  key: string;
  size: number;
}

/**
 * The raw objects of the last `LATE_HOURS` (before `now`) that their hour's load record does not
 * list yet, hour by hour, and how many hours hold one. Objects quarantined whole are passed over.
 */
export async function listPendingObjects(
  q: Queryable,
  raw: ObjectStore,
  now: number,
): Promise<{ queue: PendingObject[]; hours: number }> {
  const byHour = new Map<string, { key: string; size: number }[]>();
  const skipped = await listQuarantinedObjects(q);
  for await (const o of raw.list("events/")) {
    const hour = hourOfKey(o.key);
    if (!hour || Date.parse(hour) < now - LATE_HOURS * 3600_000) continue;
    if (skipped.get(o.key) === o.size) continue; // quarantined whole: shown on the pipeline page
    const list = byHour.get(hour) ?? [];
    list.push({ key: o.key, size: o.size });
    byHour.set(hour, list);
  }
  const queue: PendingObject[] = [];
  let hours = 0;
  for (const [hour, objects] of [...byHour].sort()) {
    const [rec] = await q.query<{ objects: Record<string, number> }>(
      "SELECT objects FROM clickstream_loads WHERE hour = $1",
      [hour],
    );
    const done = rec?.objects ?? {};
    const todo = objects.filter((o) => done[o.key] !== o.size);
    if (todo.length) hours++;
    for (const o of todo) queue.push({ hour, ...o });
  }
  return { queue, hours };
}

/**
 * Lag: "complete up to" is the earliest raw hour holding an object its load record does not list
 * yet (or the end of the latest hour when everything is loaded).
 */
export async function getWarehouseCompleteness(
  db: Queryable,
  raw: ObjectStore,
): Promise<{ completeUpTo: string | null; pendingObjects: number }> {
  const loads = new Map(
    (
      await db.query<{ hour: Date; objects: Record<string, number> }>("SELECT hour, objects FROM clickstream_loads")
    ).map((l) => [iso(l.hour), l.objects]),
  );
  let earliestPending: string | null = null;
  let latestHour: string | null = null;
  let pendingObjects = 0;
  const since = Date.now() - LATE_HOURS * 3_600_000;
  const skipped = await listQuarantinedObjects(db);
  for await (const o of raw.list("events/")) {
    const hour = hourOfKey(o.key);
    if (!hour || Date.parse(hour) < since) continue;
    if (skipped.get(o.key) === o.size) continue; // quarantined whole: listed on its own
    if (!latestHour || hour > latestHour) latestHour = hour;
    if (loads.get(hour)?.[o.key] !== o.size) {
      pendingObjects++;
      if (!earliestPending || hour < earliestPending) earliestPending = hour;
    }
  }
  const completeUpTo =
    earliestPending ?? (latestHour ? new Date(Date.parse(latestHour) + 3_600_000).toISOString() : null);
  return { completeUpTo, pendingObjects };
}
