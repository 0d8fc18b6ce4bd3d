import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FunnelQuery } from "@/lib/schemas/funnel";
import { FunnelCorrelationQuery, type FunnelCorrelationResult } from "@/lib/schemas/funnel-correlation";
import { expectSameAnswer } from "@/test/support/both-engines";
import { CORRELATION_EVENTS, T2 } from "@/test/support/correlation-events";
import { DB_TARGETS } from "@/test/support/databases";
import { type LoadedCopy, openLoadedCopy } from "@/test/support/paths-events";
import { getFunnelCorrelation } from "./funnel-correlation";

/*
 * The sessions of test/support/correlation-events.ts, loaded by the real ETL into the warehouse and
 * its columnar copy. 4 converters (S) and 6 non-converters (F); ratio = ((s+1)(F−f+1)) / ((S−s+1)(f+1)).
 */
const admin = { id: "a", email: "admin@sightline.local", roles: ["admins" as const] };
const funnel = (over: Record<string, unknown> = {}) =>
  FunnelQuery.parse({
    steps: [{ event: "product_view" }, { event: "purchase" }],
    windowMinutes: 60,
    from: new Date(T2 - 3_600_000).toISOString(),
    to: new Date(T2 + 3_600_000).toISOString(),
    ...over,
  });
const brief = (r: FunnelCorrelationResult) => ({
  converters: r.converters,
  nonConverters: r.nonConverters,
  events: r.events.map(
    (i) => `${i.name} ${i.converters}/${i.nonConverters} ${i.oddsRatio.toFixed(4)} ${i.correlation}`,
  ),
  properties: r.properties.map(
    (i) => `${i.name}=${i.value} ${i.converters}/${i.nonConverters} ${i.oddsRatio.toFixed(4)} ${i.correlation}`,
  ),
});

describe.each(DB_TARGETS)("funnel correlation on the warehouse = on the columnar copy, on $name", (target) => {
  let env: LoadedCopy;
  beforeAll(async () => {
    env = await openLoadedCopy(target, T2);
    await env.load(CORRELATION_EVENTS);
  });
  afterAll(async () => env?.close());

  const both = async (input: FunnelCorrelationQuery) => {
    const ctx = { db: env.db, principal: admin, eventLake: env.lake };
    const pg = await getFunnelCorrelation({ ctx, input: { ...input, funnel: { ...input.funnel, path: "raw" } } });
    const duck = await getFunnelCorrelation({
      ctx,
      input: { ...input, funnel: { ...input.funnel, path: "columnar" } },
    });
    return expectSameAnswer(pg, duck);
  };

  test("events only converters did, events mostly non-converters did, and noise left out", async () => {
    const r = await both(FunnelCorrelationQuery.parse({ funnel: funnel() }));
    expect(brief(r)).toEqual({
      converters: 4,
      nonConverters: 6,
      events: [
        // coupon: C1–C3 (N5's is after the window, N6's before entering): (3.5·6.5)/(1.5·0.5) = 30.33
        "coupon 3/0 30.3333 success",
        // help: C4 and N1–N4: (1.5·2.5)/(3.5·4.5) = 1/4.2
        "help 1/4 0.2381 failure",
        // share: C2, N2, N3: (1.5·4.5)/(3.5·2.5); wishlist (2 units) is below the threshold of 3
        "share 1/2 0.7714 failure",
      ],
      properties: [
        "login_state=logged_in 4/0 117.0000 success", // (4.5·6.5)/(0.5·0.5)
        "brand=Heritage 1/4 0.2381 failure",
        "brand=North 3/2 4.2000 success", // (3.5·4.5)/(1.5·2.5)
        "category=bags 1/4 0.2381 failure",
        "category=shoes 3/2 4.2000 success",
      ],
    });
    expect(r.events[0]?.oddsRatio).toBeCloseTo(91 / 3, 12);
  });

  test("a higher threshold leaves out what fewer units had; another unit and order count the same way", async () => {
    const r = brief(await both(FunnelCorrelationQuery.parse({ funnel: funnel(), minUnits: 4 })));
    expect(r.events).toEqual(["help 1/4 0.2381 failure"]);
    expect(r.properties[0]).toBe("login_state=logged_in 4/0 117.0000 success");
    await both(FunnelCorrelationQuery.parse({ funnel: funnel({ unit: "client", order: "strict" }) }));
    await both(FunnelCorrelationQuery.parse({ funnel: funnel({ order: "any", sameProduct: true }) }));
  });

  test("only admins; a range longer than raw events allow is refused in words", async () => {
    const input = FunnelCorrelationQuery.parse({ funnel: funnel() });
    const viewer = { id: "v", email: "viewer@sightline.local", roles: ["analysts" as const] };
    await expect(getFunnelCorrelation({ ctx: { db: env.db, principal: viewer }, input })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(getFunnelCorrelation({ ctx: { db: env.db, principal: null }, input })).rejects.toMatchObject({
      code: "unauthorized",
    });
    const long = FunnelCorrelationQuery.parse({ funnel: funnel({ from: "2026-09-01T00:00:00Z" }) });
    await expect(getFunnelCorrelation({ ctx: { db: env.db, principal: admin }, input: long })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("at most 31 days"),
    });
  });
});
