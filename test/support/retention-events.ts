import { randomUUID } from "node:crypto";
import { DuckDbEventLake } from "@/lib/adapters/duckdb/duckdb-event-lake";
import { DuckDbLakeQuery } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { hourPrefix } from "@/lib/clickstream/ingest";
import { runWarehouseEtl } from "@/lib/clickstream/run-warehouse-etl";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import { openTestColumnarCopy, type TestColumnarCopy } from "./columnar-copy";
import { type DbTarget, tempDir } from "./databases";

/*
 * Hand-built events for reports over raw events (retention, trends), loaded through the real raw
 * store and warehouse ETL into the warehouse and its columnar copy. The figures each test expects
 * are worked out next to the events below.
 */
export const M = 60_000;
export const H = 60 * M;
export const D = 24 * H;
/** Monday 5 October 2026, 00:00 UTC: week 0 of the retention events. */
export const W0 = Date.UTC(2026, 9, 5);
export const W = 7 * D;

export type Ev = {
  client: string;
  name: string;
  at: number;
  session?: string;
  user?: string;
  category?: string;
  referrer?: string;
};

const ev = (client: string, name: string, at: number, more: Partial<Ev> = {}): Ev => ({ client, name, at, ...more });

/*
 * Retention (clients; weekly from W0, five weeks; "now" in week 3):
 *   a: W0+1d, W1+1d, purchase (shoes) W2      cohort 0, back in weeks 1 and 2
 *   b: W0+2d, W2+3d                           cohort 0, back in week 2 but not week 1
 *   c: W0 09:00; late object: W2+1d           cohort 0, back in week 2 only once the late object loads
 *   d: W0+3d, W1+2d, W3+1d                    cohort 0, back in weeks 1 and 3 (week 3 still running)
 *   j: W1 − 1 ms, W1 exactly                  cohort 0 (the last millisecond of week 0), back in week 1
 *   e: W1, purchase (bags) W2+2d              cohort 1, back in week 2
 *   f: W1+4d                                  cohort 1
 *   h: W2+1d, W3 08:00                        cohort 2, back in week 3
 *   i: W3+1d                                  cohort 3
 * a and d are user u1 and e is user u2; the others never log in.
 */
export const retentionEvents: Ev[] = [
  ev("a", "page_view", W0 + 1 * D + 10 * H, { user: "u1" }),
  ev("a", "page_view", W0 + W + 1 * D + 10 * H, { user: "u1" }),
  ev("a", "purchase", W0 + 2 * W + 10 * H, { user: "u1", category: "shoes" }),
  ev("b", "page_view", W0 + 2 * D + 10 * H),
  ev("b", "page_view", W0 + 2 * W + 3 * D + 10 * H),
  ev("c", "page_view", W0 + 9 * H),
  ev("d", "page_view", W0 + 3 * D + 10 * H, { user: "u1" }),
  ev("d", "page_view", W0 + W + 2 * D + 10 * H, { user: "u1" }),
  ev("d", "page_view", W0 + 3 * W + 1 * D + 10 * H, { user: "u1" }),
  ev("j", "page_view", W0 + W - 1),
  ev("j", "page_view", W0 + W),
  ev("e", "page_view", W0 + W + 10 * H, { user: "u2" }),
  ev("e", "purchase", W0 + 2 * W + 2 * D + 10 * H, { user: "u2", category: "bags" }),
  ev("f", "page_view", W0 + W + 4 * D + 10 * H),
  ev("h", "page_view", W0 + 2 * W + 1 * D + 10 * H),
  ev("h", "page_view", W0 + 3 * W + 8 * H),
  ev("i", "page_view", W0 + 3 * W + 1 * D + 10 * H),
];
/*
 * Identity merge, ten weeks before W0 (P0 = W0 − 10 weeks, weekly): k browses anonymously in week 0,
 * signs in as u9 in week 1; m is u9 on another browser in week 2. Both fixtures carry these events.
 *   person (k merged into u9): one person, cohort week 0, back in weeks 1 and 2 → [1, 1, 1]
 *   user: u9 first appears signed in in week 1 → cohort 1 of size 1, back in week 2
 *   client: k cohort 0 back in week 1; m cohort 2
 */
export const P0 = W0 - 10 * W;
export const identityEvents: Ev[] = [
  ev("k", "page_view", P0 + 1 * D + 10 * H),
  ev("k", "page_view", P0 + W + 1 * D + 10 * H, { user: "u9" }),
  ev("m", "page_view", P0 + 2 * W + 1 * D + 10 * H, { user: "u9" }),
];
retentionEvents.push(...identityEvents);
export const retentionLate: Ev[] = [ev("c", "product_view", W0 + 2 * W + 1 * D + 10 * H)];
/** "Now" for retention: Wednesday of week 3, so week 3 is running and week 4 has not begun. */
export const RETENTION_NOW = W0 + 3 * W + 2 * D + H;

/** Monday 2 November 2026, 00:00 UTC: day 0 of the trends range (seven days; the previous seven before it). */
export const D0 = Date.UTC(2026, 10, 2);
/** "Now" for trends: noon on day 3, so day 3 is partial and days 4–6 have not happened. */
export const TRENDS_NOW = D0 + 3 * D + 12 * H;

/*
 * Trends, page_view (days of the range, clients p1…p4, sessions <client>-<day>, p1 and p2 logged in):
 *   current:  day 0: p1 10:00, p1 10:30, p2 23:59:59.999 · day 2: p1, p3 · day 3: p2 · late object: p1 on day 2
 *             → 3, 0, 3, 1 (day 3 partial), 7 events; clients 3; sessions p1-0, p2-0, p1-2, p3-2, p2-3 = 5; users 2
 *   previous: day −7: p1 · day −4: p4 → 2 events, 2 clients  (events +250%, clients +50%)
 * add_to_cart: p3 on day 2 (current), none before.
 * Referrers: p1's from www.example.com, p2's from news.site:8080, the rest none.
 */
const pv = (client: string, at: number) =>
  ev(client, "page_view", at, {
    session: `${client}-${Math.floor((at - D0) / D)}`,
    ...(client === "p1" || client === "p2" ? { user: `u-${client}` } : {}),
    ...(client === "p1" ? { referrer: "https://www.example.com/blog?x=1" } : {}),
    ...(client === "p2" ? { referrer: "http://News.Site:8080/" } : {}),
  });
export const trendsEvents: Ev[] = [
  pv("p1", D0 + 10 * H),
  pv("p1", D0 + 10 * H + 30 * M),
  pv("p2", D0 + D - 1),
  pv("p1", D0 + 2 * D + 9 * H),
  pv("p3", D0 + 2 * D + 11 * H),
  pv("p2", D0 + 3 * D + 8 * H),
  pv("p1", D0 - 7 * D + 12 * H),
  pv("p4", D0 - 4 * D + 12 * H),
  ev("p3", "add_to_cart", D0 + 2 * D + 11 * H + M, { session: "p3-2" }),
];
trendsEvents.push(...identityEvents);
export const trendsLate: Ev[] = [pv("p1", D0 + 2 * D + 15 * H)];

/*
 * Breakdown by category, product_view on day 1: catNN has 13 − NN events (cat01 12 … cat10 3), each
 * by its own client; cat11 has x1 and x2, cat12 x1 → "other" (cat11, cat12): 3 events, 2 clients.
 * Previous period (day −6): cat01 4 events; cat13 20 events (not in the current top ten, so "other").
 */
for (let n = 1; n <= 10; n++)
  for (let k = 0; k < 13 - n; k++)
    trendsEvents.push(ev(`v${n}-${k}`, "product_view", D0 + D + n * H + k * M, { category: cat(n) }));
trendsEvents.push(ev("x1", "product_view", D0 + D + 20 * H, { category: cat(11) }));
trendsEvents.push(ev("x2", "product_view", D0 + D + 20 * H + M, { category: cat(11) }));
trendsEvents.push(ev("x1", "product_view", D0 + D + 21 * H, { category: cat(12) }));
for (let k = 0; k < 4; k++) trendsEvents.push(ev(`w1-${k}`, "product_view", D0 - 6 * D + k * M, { category: cat(1) }));
for (let k = 0; k < 20; k++)
  trendsEvents.push(ev(`w13-${k}`, "product_view", D0 - 6 * D + H + k * M, { category: cat(13) }));

export function cat(n: number): string {
  return `cat${String(n).padStart(2, "0")}`;
}

/** One raw line, received a minute after the event. */
export const line = (e: Ev) =>
  JSON.stringify({
    event: {
      eventId: randomUUID(),
      eventName: e.name,
      timestamp: e.at,
      clientId: e.client,
      sessionId: e.session ?? `${e.client}-s`,
      ...(e.user ? { userId: e.user, userLoginState: "logged_in", identitySource: "cognito" } : {}),
      ...(e.referrer ? { referrer: e.referrer } : {}),
      ...(e.category ? { product: { id: `p-${e.category}`, category: e.category } } : {}),
    },
    receivedAt: e.at + M,
    ip: null,
    userAgent: "test",
  });

export interface LoadedEvents {
  db: PgDatabase;
  lake: DuckDbEventLake;
  /** Writes a later raw object with these events and runs the ETL again. */
  loadLate(events: readonly Ev[]): Promise<void>;
  close(): Promise<void>;
}

/** A fresh database, the events loaded by the warehouse ETL (one raw object), and a lake over its columnar copy. */
export async function loadEvents(target: DbTarget, events: readonly Ev[], receivedAt: number): Promise<LoadedEvents> {
  const db = await target.open();
  await migrate(db);
  const columnar: TestColumnarCopy = await openTestColumnarCopy();
  const raw = new FsObjectStore(tempDir("report-raw"));
  let objects = 0;
  let hour = receivedAt;
  const load = async (batch: readonly Ev[]) => {
    objects++;
    await raw.put(`${hourPrefix(hour)}${objects}-${randomUUID()}.ndjson`, `${batch.map(line).join("\n")}\n`);
    await runWarehouseEtl({ db, raw, trigger: "test", now: hour + 2 * H, copy: columnar.copy });
    hour += H;
  };
  await load(events);
  const engine = await DuckDbLakeQuery.open(tempDir("report-lake"), { connections: 1, threads: 1 });
  const lake = new DuckDbEventLake(engine, `${columnar.root}/store`);
  return {
    db,
    lake,
    loadLate: load,
    async close() {
      await engine.close();
      columnar.close();
      await db.close();
    },
  };
}
