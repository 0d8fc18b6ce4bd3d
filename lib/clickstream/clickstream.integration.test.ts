import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import { simulateClickstream } from "@/lib/demo/simulate-clickstream";
import { openTestColumnarCopy, type TestColumnarCopy } from "@/test/support/columnar-copy";
import { DB_TARGETS, tempDir } from "@/test/support/databases";
import { releaseEtlLease, takeEtlLease } from "./etl-lease";
import { getPipelineStatus } from "./get-pipeline-status";
import { hourPrefix, ingestBatch, truncateIp } from "./ingest";
import { IngestRateLimiter, TokenBucketLimiter } from "./rate-limit";
import { runWarehouseEtl } from "./run-warehouse-etl";
import { ATTRIBUTES, buildFirstSeenAggregates, ROLLUP_STEPS } from "./session-rollup";

const ORIGIN = "https://shop.example";
const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari/537.36";
const H = 3600_000;
const T0 = Date.UTC(2026, 10, 20, 9, 55);

const event = (over: Record<string, unknown> = {}) => ({
  eventId: randomUUID(),
  eventName: "page_view",
  timestamp: T0,
  clientId: "c-1",
  sessionId: "s-1",
  seq: 1,
  pageUrl: "https://shop.example/",
  ...over,
});

describe("ingest core", () => {
  const raw = new FsObjectStore(tempDir("collect"));
  const ctx = (limiter = new IngestRateLimiter(), now = T0) => ({
    raw,
    limiter,
    allowedOrigins: [ORIGIN],
    now: () => now,
  });
  const send = (
    body: unknown,
    over: Partial<{ origin: string | null; ua: string | null; ip: string | null }> = {},
    c = ctx(),
  ) =>
    ingestBatch(c, {
      bodyText: typeof body === "string" ? body : JSON.stringify(body),
      origin: over.origin === undefined ? ORIGIN : over.origin,
      ip: over.ip ?? "203.0.113.77",
      userAgent: over.ua === undefined ? UA : over.ua,
    });

  test("valid events are stored as one NDJSON object under the receive hour, IP truncated", async () => {
    const res = await send({
      events: [event(), event({ eventName: "product_view", product: { id: "p1", price: 10 } })],
    });
    expect(res).toMatchObject({ accepted: 2, rejected: [], bots: 0 });
    expect(res.object).toMatch(new RegExp(`^${hourPrefix(T0)}\\d+-[0-9a-f-]+\\.ndjson$`));
    const lines = Buffer.from(await raw.get(res.object as string))
      .toString()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ receivedAt: T0, ip: "203.0.113.0" });
    expect(truncateIp("2001:db8:abcd:12::1")).toBe("2001:db8:abcd::");
  });

  test("bad input gets its documented answer; valid events in the same batch are kept", async () => {
    await expect(send("x".repeat(300 * 1024))).rejects.toMatchObject({ code: "payload_too_large" });
    await expect(send("{not json")).rejects.toMatchObject({ code: "invalid_input" });
    await expect(send({ events: [event()] }, { origin: "https://evil.example" })).rejects.toMatchObject({
      code: "forbidden",
    });
    const mixed = await send({
      events: [
        event(),
        event({ eventId: "not-a-uuid" }),
        event({ timestamp: "yesterday" }),
        event({ timestamp: T0 + 24 * H }),
        event({ surprise: true }),
        event({ product: { id: "p", price: "free" } }),
      ],
    });
    expect(mixed.accepted).toBe(1);
    expect(mixed.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    expect(mixed.rejected.find((r) => r.index === 3)?.reason).toMatch(/future/);
    expect(mixed.rejected.find((r) => r.index === 4)?.reason).toMatch(/surprise|Unrecognized/);
    const bot = await send({ events: [event(), event()] }, { ua: "Googlebot/2.1 (+http://www.google.com/bot.html)" });
    expect(bot).toMatchObject({ accepted: 0, bots: 2, object: null });
  });

  test("a client over its rate gets 429 and nothing is written", async () => {
    const c = ctx(new IngestRateLimiter(new TokenBucketLimiter(1, 3, () => T0)));
    await send({ events: [event(), event(), event()] }, {}, c);
    await expect(send({ events: [event()] }, {}, c)).rejects.toMatchObject({ code: "rate_limited" });
  });

  test("a new client id per batch does not escape the limit: the source address has its own", async () => {
    const c = ctx(
      new IngestRateLimiter(new TokenBucketLimiter(1, 3, () => T0), new TokenBucketLimiter(1, 5, () => T0)),
    );
    const fresh = () => event({ clientId: `c-${Math.random()}` });
    await send({ events: [fresh(), fresh(), fresh()] }, { ip: "198.51.100.7" }, c);
    await send({ events: [fresh(), fresh()] }, { ip: "198.51.100.7" }, c);
    await expect(send({ events: [fresh()] }, { ip: "198.51.100.7" }, c)).rejects.toMatchObject({
      code: "rate_limited",
    });
    // Another address still has its budget.
    await expect(send({ events: [fresh()] }, { ip: "198.51.100.8" }, c)).resolves.toMatchObject({ accepted: 1 });
  });
});

describe.each(DB_TARGETS)("warehouse ETL on $name", (target) => {
  let db: PgDatabase;
  let columnar: TestColumnarCopy;
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    columnar = await openTestColumnarCopy();
  });
  afterAll(async () => {
    columnar?.close();
    await db?.close();
  });
  /** The columnar copy holds each warehouse event exactly once. */
  const expectCopyEqualsWarehouse = async () => {
    const copied = (await columnar.readRows()).map((r) => r.event_id);
    const stored = (
      await db.query<{ id: string }>("SELECT event_id::text AS id FROM clickstream_events ORDER BY 1")
    ).map((r) => r.id);
    expect(copied.length).toBe(new Set(copied).size);
    expect(copied).toEqual(stored);
  };

  test("exactly once: duplicates, retries and late events across hours load as N distinct events; a re-run adds nothing", async () => {
    const raw = new FsObjectStore(tempDir("cs-raw"));
    const limiter = new IngestRateLimiter(new TokenBucketLimiter(1e6, 1e6), new TokenBucketLimiter(1e6, 1e6));
    const all = Array.from({ length: 300 }, (_, i) =>
      event({
        clientId: `c-${i % 7}`,
        sessionId: `s-${i % 20}`,
        seq: i,
        timestamp: T0 + i * 1000,
        eventName: ["page_view", "product_view", "add_to_cart", "checkout_start", "purchase"][i % 5],
        product:
          i % 5
            ? { id: `p-${i % 3}`, name: `Product ${i % 3}`, category: "shoes", price: 20, discountPrice: 15 }
            : undefined,
      }),
    );
    const distinct = new Set(all.map((e) => e.eventId));
    // Batches received across an hour boundary; every 10th batch is sent again (a retry after a lost 2xx).
    for (let b = 0; b < 30; b++) {
      const batch = { events: all.slice(b * 10, b * 10 + 10) };
      const at = T0 + b * 30_000; // 09:55 → 10:10
      await ingestBatch(
        { raw, limiter, allowedOrigins: [ORIGIN], now: () => at },
        { bodyText: JSON.stringify(batch), origin: ORIGIN, ip: null, userAgent: UA },
      );
      if (b % 10 === 0)
        await ingestBatch(
          { raw, limiter, allowedOrigins: [ORIGIN], now: () => at + 5000 },
          { bodyText: JSON.stringify(batch), origin: ORIGIN, ip: null, userAgent: UA },
        );
    }
    // One garbage line in a raw object: quarantined, never stops the load.
    await raw.put(`${hourPrefix(T0)}${T0}-garbage.ndjson`, `{"event": {"eventId": "x"}, "receivedAt": 1}\nnot json\n`);

    const first = await runWarehouseEtl({ db, raw, trigger: "test", now: T0 + 2 * H, copy: columnar.copy });
    expect(first.status).toBe("succeeded");
    expect(first.loaded).toBe(distinct.size);
    expect(first.duplicates).toBe(30);
    expect(first.quarantined).toBe(2);
    // A late object (an event of 09:58 received now) lands in its receive hour and is picked up by the next run.
    const late = event({ timestamp: T0 + 3 * 60_000, sessionId: "s-late" });
    await ingestBatch(
      { raw, limiter, allowedOrigins: [ORIGIN], now: () => T0 + 2 * H },
      { bodyText: JSON.stringify({ events: [late] }), origin: ORIGIN, ip: null, userAgent: UA },
    );
    const second = await runWarehouseEtl({ db, raw, trigger: "test", now: T0 + 3 * H, copy: columnar.copy });
    expect(second).toMatchObject({ loaded: 1, duplicates: 0, objects: 1 });
    const third = await runWarehouseEtl({ db, raw, trigger: "test", now: T0 + 3 * H, copy: columnar.copy });
    expect(third).toMatchObject({ objects: 0, loaded: 0 });
    await expectCopyEqualsWarehouse();
    // The late event sits in its own hour (09:58), not in the hour its object was received (11:55).
    const lateRow = (await columnar.readRows()).find((r) => r.event_id === late.eventId);
    expect(lateRow).toMatchObject({ dt: "2026-11-20", hr: "09" });

    const [count] = await db.query<{ n: string }>("SELECT count(*) AS n FROM clickstream_events");
    expect(Number(count?.n)).toBe(distinct.size + 1);
    const loads = await db.query<{ loaded: number; duplicates: number }>(
      "SELECT loaded, duplicates FROM clickstream_loads ORDER BY hour",
    );
    expect(loads.reduce((a, l) => a + l.loaded, 0)).toBe(distinct.size + 1);
    const q = await db.query<{ reason: string }>("SELECT reason FROM clickstream_quarantine");
    expect(q.length).toBe(2);

    // Rollups: a session's first step times and a product-day's funnel match the events.
    const [s0] = await db.query<{ page_view: Date; events: number }>(
      "SELECT * FROM clickstream_session_funnel WHERE session_id = 's-0'",
    );
    const [n0] = await db.query<{ n: string }>("SELECT count(*) AS n FROM clickstream_events WHERE session_id = 's-0'");
    expect(s0?.events).toBe(Number(n0?.n));
    const [first0] = await db.query<{ t: Date }>(
      "SELECT min(event_timestamp) AS t FROM clickstream_events WHERE session_id = 's-0' AND event_name = 'page_view'",
    );
    expect(new Date(s0?.page_view ?? 0).getTime()).toBe(new Date(first0?.t ?? 1).getTime());
    const [pd] = await db.query<{ purchases: number; revenue: string }>(
      "SELECT purchases, revenue FROM clickstream_product_daily WHERE product_id = 'p-1'",
    );
    const [truth] = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM clickstream_events WHERE product_id = 'p-1' AND event_name = 'purchase'",
    );
    expect(pd?.purchases).toBe(Number(truth?.n));
    // Events per hour and name add up to the events, per name.
    const byName = await db.query<{ event_name: string; rollup: string; events: string }>(
      `SELECT h.event_name, h.rollup, count(e.*) AS events
       FROM (SELECT event_name, sum(events) AS rollup FROM clickstream_event_hourly GROUP BY 1) h
       JOIN clickstream_events e USING (event_name) GROUP BY 1, 2`,
    );
    expect(byName.length).toBeGreaterThan(0);
    for (const r of byName) expect(Number(r.rollup)).toBe(Number(r.events));
    expect(Number(pd?.revenue)).toBe(15 * Number(truth?.n));

    // Pipeline status: nothing pending; no sequence gaps (every seq of each client arrived) → loss 0.
    const admin = { id: "a", email: "admin@sightline.local", roles: ["admins" as const] };
    const status = await getPipelineStatus({ ctx: { db, raw, principal: admin } });
    expect(status.pendingObjects).toBe(0);
    expect(status.runs[0]?.status).toBe("succeeded");
    expect(status.quarantine.length).toBe(2);
  });

  test("the traffic simulator's sessions (returning visitors, bots, re-sent batches, late events) load exactly once", async () => {
    const raw = new FsObjectStore(tempDir("cs-sim"));
    const end = Date.UTC(2026, 10, 21, 12);
    const sim = await simulateClickstream({ raw, sessions: 150, days: 2, seed: 9, end });
    expect(sim.duplicatesSent + sim.lateEvents + sim.botBatches).toBeGreaterThan(0);
    const before = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM clickstream_events"))[0]?.n);
    const a = await runWarehouseEtl({ db, raw, trigger: "sim", now: end + 3_600_000, copy: columnar.copy });
    const b = await runWarehouseEtl({ db, raw, trigger: "sim", now: end + 3_600_000, copy: columnar.copy });
    expect(a.loaded).toBe(sim.distinctEventIds.size);
    expect(a.duplicates).toBe(sim.duplicatesSent);
    expect(b).toMatchObject({ objects: 0, loaded: 0 });
    const after = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM clickstream_events"))[0]?.n);
    expect(after - before).toBe(sim.distinctEventIds.size);
    await expectCopyEqualsWarehouse();
  });

  test("text with tabs, newlines, backslashes and quotes survives the bulk path byte for byte", async () => {
    const raw = new FsObjectStore(tempDir("cs-text"));
    const name = 'Tab\there, line\nbreak, back\\slash \\N "quoted" \u00e9\u{1F600}';
    const e = event({
      sessionId: "s-text",
      eventName: "product_view",
      product: { id: "p-text", name, category: "c\td", price: 12.5 },
    });
    await ingestBatch(
      { raw, limiter: new IngestRateLimiter(), allowedOrigins: [ORIGIN], now: () => T0 },
      { bodyText: JSON.stringify({ events: [e] }), origin: ORIGIN, ip: null, userAgent: UA },
    );
    await runWarehouseEtl({ db, raw, trigger: "text", now: T0 + H });
    const [row] = await db.query<{ product_name: string; product_category: string; product_price: string }>(
      "SELECT product_name, product_category, product_price FROM clickstream_events WHERE event_id = $1",
      [e.eventId],
    );
    expect(row).toEqual({ product_name: name, product_category: "c\td", product_price: "12.50" });
  });

  test("the session rollup built during loads equals the same definitions recomputed in SQL from the events", async () => {
    const raw = new FsObjectStore(tempDir("cs-rollup"));
    const end = Date.UTC(2026, 10, 22, 12);
    await simulateClickstream({ raw, sessions: 120, days: 1, seed: 17, end });
    await runWarehouseEtl({ db, raw, trigger: "rollup", now: end + H });
    const attrs = Object.keys(ATTRIBUTES);
    const cols = ["client_id", "started_at", "events", ...ROLLUP_STEPS, ...attrs, ...attrs.map((a) => `${a}_key`)];
    const recomputed = await db.query(
      `SELECT e.session_id, min(e.client_id COLLATE "C") AS client_id, min(e.event_timestamp) AS started_at, count(*)::int AS events,
         ${ROLLUP_STEPS.map((s) => `min(e.event_timestamp) FILTER (WHERE e.event_name = '${s}') AS ${s}`).join(", ")},
         ${buildFirstSeenAggregates("e").join(", ")}
       FROM clickstream_events e WHERE e.session_id IN (SELECT session_id FROM clickstream_session_funnel)
       GROUP BY e.session_id ORDER BY e.session_id`,
    );
    const rollup = await db.query(
      `SELECT session_id, ${cols.join(", ")} FROM clickstream_session_funnel ORDER BY session_id`,
    );
    expect(recomputed.length).toBeGreaterThan(100);
    expect(rollup).toEqual(recomputed);
  });

  test("two runs never overlap: while another run holds the lease, a run skips; an expired lease is taken over", async () => {
    const raw = new FsObjectStore(tempDir("cs-lock"));
    await db.query(
      `INSERT INTO clickstream_etl_lease (id, holder, until) VALUES (1, 'other-process', now() + interval '5 minutes')
       ON CONFLICT (id) DO UPDATE SET holder = 'other-process', until = now() + interval '5 minutes'`,
    );
    expect((await runWarehouseEtl({ db, raw, trigger: "blocked" })).status).toBe("skipped");
    await db.query("UPDATE clickstream_etl_lease SET until = now() - interval '1 second'");
    expect((await runWarehouseEtl({ db, raw, trigger: "after" })).status).toBe("succeeded");
    const [run] = await db.query<{ trigger: string }>("SELECT trigger FROM clickstream_runs ORDER BY id DESC LIMIT 1");
    expect(run?.trigger).toBe("after");
  });
});

describe.each(DB_TARGETS)("warehouse ETL against poison on $name", (target) => {
  let db: PgDatabase;
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
  });
  afterAll(async () => db?.close());
  const limiter = () => new IngestRateLimiter(new TokenBucketLimiter(1e6, 1e6), new TokenBucketLimiter(1e6, 1e6));
  const ingest = (raw: FsObjectStore, events: unknown[], at: number) =>
    ingestBatch(
      { raw, limiter: limiter(), allowedOrigins: [ORIGIN], now: () => at },
      { bodyText: JSON.stringify({ events }), origin: ORIGIN, ip: null, userAgent: UA },
    );
  const storedIds = async (ids: string[]) =>
    (
      await db.query<{ id: string }>(
        "SELECT event_id::text AS id FROM clickstream_events WHERE event_id = ANY($1::uuid[])",
        [ids],
      )
    ).map((r) => r.id);

  test("valid events, then lines Postgres cannot store or date, then valid events: every valid one loads, the bad ones are quarantined with their reason, the run succeeds, a re-run loads nothing", async () => {
    const raw = new FsObjectStore(tempDir("poison-raw"));
    const t = T0 + 10 * H;
    const before = Array.from({ length: 5 }, (_, i) => event({ sessionId: "p-before", timestamp: t + i }));
    expect((await ingest(raw, before, t)).accepted).toBe(5);
    // Objects written before today's ingest rules (or by hand): the ETL applies the rules again.
    const line = (over: Record<string, unknown>) =>
      JSON.stringify({ event: event({ timestamp: t, ...over }), receivedAt: t, ip: null, userAgent: UA });
    await raw.put(
      `${hourPrefix(t)}${t}-poison.ndjson`,
      [
        line({ sessionId: "s\u0000", pageUrl: "a\u0000b" }),
        line({ sessionId: "p-ok-in-poison-object" }),
        line({ timestamp: 1 }),
        line({ timestamp: "0001-01-01T00:00:00Z" }),
        line({ pageUrl: "a\ud800b" }),
        `${"[".repeat(50_000)}${"]".repeat(50_000)}`,
      ].join("\n"),
    );
    const after = Array.from({ length: 5 }, (_, i) => event({ sessionId: "p-after", timestamp: t + 100 + i }));
    expect((await ingest(raw, after, t + 1000)).accepted).toBe(5);

    const run = await runWarehouseEtl({ db, raw, trigger: "test", now: t + H });
    expect(run.status).toBe("succeeded");
    expect(run).toMatchObject({ loaded: 11, quarantined: 5, failedObjects: 0 });
    const valid = [...before, ...after].map((e) => e.eventId as string);
    expect((await storedIds(valid)).sort()).toEqual(valid.sort());
    const quarantine = await db.query<{ line: number; reason: string; raw: string }>(
      "SELECT line, reason, raw FROM clickstream_quarantine WHERE object_key LIKE '%-poison.ndjson' ORDER BY line",
    );
    expect(quarantine.map((q) => [q.line, q.reason])).toEqual([
      [1, expect.stringMatching(/contains a NUL/)],
      [3, expect.stringMatching(/more than 7 days before/)],
      [4, expect.stringMatching(/more than 7 days before/)],
      [5, expect.stringMatching(/surrogate/)],
      [6, expect.stringMatching(/nests too deeply/)],
    ]);
    // What was there stays visible (escaped), so an admin can see why.
    expect(quarantine[0]?.raw).toContain("s\\u0000");
    const [runRow] = await db.query<{ status: string }>("SELECT status FROM clickstream_runs WHERE id = $1", [
      run.runId,
    ]);
    expect(runRow?.status).toBe("succeeded");

    const again = await runWarehouseEtl({ db, raw, trigger: "test", now: t + H });
    expect(again).toMatchObject({ status: "succeeded", objects: 0, loaded: 0 });
  });

  test("a run that starts in the same clock step as the previous one's end still takes the lease", async () => {
    // Within one transaction now() does not move: the worst case of PGlite's millisecond clock.
    await db.transaction(async (tx) => {
      expect(await takeEtlLease(tx, "run-a")).toBe(true);
      expect(await takeEtlLease(tx, "run-b")).toBe(false); // a running lease excludes
      await releaseEtlLease(tx, "run-a");
      expect(await takeEtlLease(tx, "run-b")).toBe(true);
      await releaseEtlLease(tx, "run-b");
    });
  });

  test("an object the database refuses is retried by the next runs and then quarantined whole, while the objects after it load; the pipeline page lists it", async () => {
    const raw = new FsObjectStore(tempDir("failing-raw"));
    const t = T0 + 30 * H;
    // A real database failure for one object: a trigger refuses one session's rows.
    await db.query(`CREATE FUNCTION refuse_explode() RETURNS trigger AS $$
      BEGIN IF NEW.session_id = 'explode' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; RETURN NEW; END
      $$ LANGUAGE plpgsql`);
    await db.query(
      "CREATE TRIGGER refuse_explode BEFORE INSERT ON clickstream_events FOR EACH ROW EXECUTE FUNCTION refuse_explode()",
    );
    try {
      const bad = await ingest(raw, [event({ sessionId: "explode", timestamp: t })], t);
      const good = [event({ sessionId: "fine-1", timestamp: t + 1 }), event({ sessionId: "fine-2", timestamp: t + 2 })];
      await ingest(raw, good, t + 500);

      const first = await runWarehouseEtl({ db, raw, trigger: "test", now: t + H });
      expect(first).toMatchObject({ status: "partial", failedObjects: 1, loaded: 2 });
      expect(await storedIds(good.map((e) => e.eventId as string))).toHaveLength(2);
      const [row] = await db.query<{ status: string; error: string }>(
        "SELECT status, error FROM clickstream_runs WHERE id = $1",
        [first.runId],
      );
      expect(row?.status).toBe("partial");
      expect(row?.error).toContain("refused by the test trigger");

      const second = await runWarehouseEtl({ db, raw, trigger: "test", now: t + H });
      expect(second).toMatchObject({ status: "partial", failedObjects: 1, objects: 0 });
      const third = await runWarehouseEtl({ db, raw, trigger: "test", now: t + H });
      expect(third).toMatchObject({ status: "partial", failedObjects: 1 });

      // Quarantined whole after three tries: later runs pass over it and succeed.
      const fourth = await runWarehouseEtl({ db, raw, trigger: "test", now: t + H });
      expect(fourth).toMatchObject({ status: "succeeded", failedObjects: 0, objects: 0 });
      const status = await getPipelineStatus({
        ctx: { db, raw, principal: { id: "a", email: "admin@example.com", roles: ["admins"] } },
      });
      expect(status.failedObjects).toEqual([
        expect.objectContaining({
          objectKey: bad.object,
          attempts: 3,
          lastError: expect.stringContaining("refused by the test trigger"),
          quarantinedAt: expect.any(String),
        }),
      ]);
      expect(status.runs[0]).toMatchObject({ status: "succeeded" });
      expect(status.runs[1]).toMatchObject({ status: "partial", failedObjects: 1 });
    } finally {
      await db.query("DROP TRIGGER refuse_explode ON clickstream_events");
      await db.query("DROP FUNCTION refuse_explode()");
    }
  });
});
