import { randomUUID } from "node:crypto";
import { FunnelQuery, type FunnelQueryInput } from "@/lib/schemas/funnel";

/*
 * A hand-built event set whose answers are worked out below, loaded through the real raw store and
 * ETL (so the session rollup is built the way production builds it).
 */
export const T = Date.UTC(2026, 10, 10, 10);
export const M = 60_000;
export const A = { id: "A", name: "Runner", category: "shoes", brand: "North", price: 100, discountPrice: 80 };
export const B = { id: "B", name: "Pack", category: "bags", brand: "Heritage", price: 50 };

export type Ev = {
  session: string;
  client?: string;
  user?: string;
  name: string;
  at: number;
  product?: object;
  id?: string;
};
export const events: Ev[] = [];
export const late: Ev[] = [];
const s = (session: string, base: number, steps: [string, number, object?, string?][], extra: Partial<Ev> = {}) => {
  for (const [name, off, product, id] of steps)
    events.push({ session, name, at: base + off, ...(product ? { product } : {}), ...(id ? { id } : {}), ...extra });
};
// S1: clean path. seq/any/strict: 4
s(
  "S1",
  T,
  [
    ["page_view", 0],
    ["product_view", 1 * M, A],
    ["add_to_cart", 2 * M, A],
    ["purchase", 3 * M, A],
  ],
  { user: "u1" },
);
// S2: cart before product view. seq 2 (cart's first occurrence is before the view), any 3, strict 1
s(
  "S2",
  T + 60 * M,
  [
    ["page_view", 0],
    ["add_to_cart", 1 * M, B],
    ["product_view", 2 * M, B],
  ],
  { user: "u1" },
);
// S3: window boundary (30 min): the view exactly at the limit counts, the cart a second later does not
s("S3", T, [
  ["page_view", 0],
  ["product_view", 30 * M, A],
  ["add_to_cart", 30 * M + 1000, A],
]);
// S4: equal timestamps, ids in step order. seq/any/strict: 3
s("S4", T, [
  ["page_view", 0, undefined, "00000000-0000-4000-8000-000000000001"],
  ["product_view", 0, A, "00000000-0000-4000-8000-000000000002"],
  ["add_to_cart", 0, A, "00000000-0000-4000-8000-000000000003"],
]);
// S6: no page view (not in F1); view, cart, view again (repeated-step funnel: 3)
s("S6", T, [
  ["product_view", 0, A],
  ["add_to_cart", 1 * M, A],
  ["product_view", 2 * M, A],
]);
// S7: its first page view arrives hours late, in a later object. seq/any 2, strict 1 (a page view in between)
s("S7", T, [
  ["page_view", 5 * M],
  ["product_view", 10 * M, A],
]);
late.push({ session: "S7", name: "page_view", at: T });
// S8: step 1 before the range: never an entrant
s("S8", T - 2 * 60 * M, [
  ["page_view", 0],
  ["product_view", 1 * M, A],
]);
// S9 / S10: same-product cases
s("S9", T, [
  ["product_view", 0, A],
  ["product_view", 1 * M, B],
  ["add_to_cart", 2 * M, B],
]);
s("S10", T, [
  ["product_view", 0, A],
  ["add_to_cart", 1 * M, B],
]);
// S11a / S11b: one client, two sessions: page view in one, view and cart in the other
s("S11a", T, [["page_view", 0]], { client: "cX" });
s(
  "S11b",
  T,
  [
    ["product_view", 10 * M, A],
    ["add_to_cart", 11 * M, A],
  ],
  { client: "cX" },
);

export const line = (e: Ev, receivedAt: number) =>
  JSON.stringify({
    event: {
      eventId: e.id ?? randomUUID(),
      eventName: e.name,
      timestamp: e.at,
      clientId: e.client ?? `c-${e.session}`,
      sessionId: e.session,
      ...(e.user ? { userId: e.user, userLoginState: "logged_in", identitySource: "cognito" } : {}),
      ...(e.product ? { product: e.product } : {}),
    },
    receivedAt,
    ip: null,
    userAgent: "test",
  });

export const RANGE = { from: new Date(T - 60 * M).toISOString(), to: new Date(T + 6 * 60 * M).toISOString() };
export const F1 = ["page_view", "product_view", "add_to_cart", "purchase"].map((event) => ({ event }));
export const q = (over: Partial<FunnelQueryInput>) =>
  FunnelQuery.parse({ steps: F1, windowMinutes: 30, ...RANGE, ...over });
