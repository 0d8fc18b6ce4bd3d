import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PathsQuery, type PathsQueryInput, type PathsResult } from "@/lib/schemas/paths";
import { expectSameAnswer } from "@/test/support/both-engines";
import { DB_TARGETS } from "@/test/support/databases";
import { type LoadedCopy, openLoadedCopy, PATH_EVENTS, PATH_LATE, T } from "@/test/support/paths-events";
import { getPaths } from "./paths";

/*
 * The sessions of test/support/paths-events.ts, loaded by the real ETL into the warehouse and its
 * columnar copy: every paths diagram comes out the same from Postgres and DuckDB, and as worked
 * out by hand below.
 */
const admin = { id: "a", email: "admin@sightline.local", roles: ["admins" as const] };
const q = (over: Partial<PathsQueryInput> = {}) =>
  PathsQuery.parse({ from: "2026-11-10", to: "2026-11-10", event: "product_view", ...over });

/** Nodes as `step:event sessions/dropOff`, links as `source>target sessions`: easy to read and compare. */
const brief = (r: PathsResult) => ({
  sessions: r.sessions,
  nodes: r.nodes.map((n) => `${n.id} ${n.sessions}/${n.dropOff}`),
  links: r.links.map((l) => `${l.source}>${l.target} ${l.sessions}`),
});

describe.each(DB_TARGETS)("paths on the warehouse = on the columnar copy, on $name", (target) => {
  let env: LoadedCopy;
  beforeAll(async () => {
    env = await openLoadedCopy(target, T);
    await env.load(PATH_EVENTS);
  });
  afterAll(async () => env?.close());

  const both = async (query: PathsQuery) => {
    const ctx = { db: env.db, principal: admin, eventLake: env.lake };
    const pg = await getPaths({ ctx, input: { ...query, path: "warehouse" } });
    const duck = await getPaths({ ctx, input: { ...query, path: "columnar" } });
    // Without exclusions the copy answers from its per-session summary (counted from the events here).
    expect(duck.explain.reason).toContain(query.exclude.length ? "copy of the events" : "per-session summary");
    return brief(expectSameAnswer(pg, duck));
  };

  test("starting from product view, before and after a late search arrives in a later object", async () => {
    // P7's first view is the day before: 7 sessions. P3 is view → cart until its late search.
    const before = await both(q());
    expect(before.sessions).toBe(7);
    expect(before.links).toContain("1:product_view>2:add_to_cart 3");
    expect(before.nodes).toContain("2:add_to_cart 3/2");
    await env.load(PATH_LATE);
    expect(await both(q())).toEqual({
      sessions: 7,
      nodes: [
        "1:product_view 7/2", // P4 and P5 stop at the view (P5's second view is a repeat)
        "2:add_to_cart 2/1", // P1 (its repeated view collapsed), P8 (stops)
        "2:search 2/0", // P2, and P3's late search
        "2:help 1/1",
        "3:add_to_cart 1/1",
        "3:product_view 1/0",
        "3:purchase 1/1",
        "4:add_to_cart 1/1",
      ],
      links: [
        "1:product_view>2:add_to_cart 2",
        "1:product_view>2:search 2",
        "1:product_view>2:help 1",
        "2:add_to_cart>3:purchase 1",
        "2:search>3:add_to_cart 1",
        "2:search>3:product_view 1",
        "3:product_view>4:add_to_cart 1",
      ],
    });
  });

  test("beyond the top events of a step, the rest is one 'other' node; depth cuts the paths", async () => {
    const r = await both(q({ maxNodes: 2, depth: 3 }));
    expect(r.nodes).toEqual([
      "1:product_view 7/2",
      "2:add_to_cart 2/1",
      "2:search 2/0",
      "2:(other) 1/1",
      "3:add_to_cart 1/1",
      "3:product_view 1/0", // P2 goes on past the last step drawn: not a drop-off
      "3:(other) 1/1",
    ]);
    expect(r.links).toContain("1:product_view>2:(other) 1");
    expect(r.links).toContain("2:add_to_cart>3:(other) 1");
  });

  test("excluded events are removed before repeats collapse", async () => {
    // P2: view, (search), view, cart → view, cart; P3: view, cart (its late search excluded).
    expect(await both(q({ exclude: ["search"] }))).toEqual({
      sessions: 7,
      nodes: ["1:product_view 7/2", "2:add_to_cart 4/3", "2:help 1/1", "3:purchase 1/1"],
      links: ["1:product_view>2:add_to_cart 4", "1:product_view>2:help 1", "2:add_to_cart>3:purchase 1"],
    });
  });

  test("ending at add to cart: the steps before its last occurrence, links pointing forward in time", async () => {
    expect(await both(q({ event: "add_to_cart", direction: "end", depth: 3 }))).toEqual({
      // P7's cart is in the range even though its view is the day before; P6's cart is its first event;
      // P9's help, at the same instant as its cart but ordered after it, is not before the cart.
      sessions: 7,
      nodes: [
        "1:add_to_cart 7/1",
        "2:product_view 4/1",
        "2:page_view 1/1",
        "2:search 1/0",
        "3:page_view 2/2", // P1, and P8 (its page view sorts before the view at the same instant)
        "3:product_view 1/1",
        "3:search 1/0",
      ],
      links: [
        "2:product_view>1:add_to_cart 4",
        "3:page_view>2:product_view 2",
        "2:page_view>1:add_to_cart 1",
        "2:search>1:add_to_cart 1",
        "3:product_view>2:search 1",
        "3:search>2:product_view 1",
      ],
    });
  });

  test("a range with no events has no paths; only admins see paths", async () => {
    expect(await both(q({ from: "2026-10-01", to: "2026-10-01" }))).toEqual({ sessions: 0, nodes: [], links: [] });
    const viewer = { id: "v", email: "viewer@sightline.local", roles: ["analysts" as const] };
    await expect(getPaths({ ctx: { db: env.db, principal: viewer }, input: q() })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(getPaths({ ctx: { db: env.db, principal: null }, input: q() })).rejects.toMatchObject({
      code: "unauthorized",
    });
  });
});
