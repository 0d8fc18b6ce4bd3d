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

/*
 * Funnel features (exclusions, time between steps, attribution, identity merge, long funnels), two
 * days later, each group with its own event names so its answers are worked out from its lines alone.
 */
export const T2 = T + 2 * 1440 * M;
export const features: Ev[] = [];
/** Loaded by a later ETL run than `features`. */
export const featuresLate: Ev[] = [];
const f = (session: string, steps: [string, number, object?][], extra: Partial<Ev> = {}) => {
  for (const [name, off, product] of steps)
    features.push({ session, name, at: T2 + off, ...(product ? { product } : {}), ...extra });
};
// Exclusions, funnel e_a → e_b → e_c, excluded event e_x (window 60).
f("X1", [
  ["e_a", 0],
  ["e_b", 1 * M],
  ["e_c", 3 * M],
]); // 3, no e_x
f("X2", [
  ["e_a", 0],
  ["e_x", 1 * M],
  ["e_b", 2 * M],
  ["e_c", 4 * M],
]); // 3, e_x between 1 and 2
f("X3", [
  ["e_a", 0],
  ["e_b", 1 * M],
  ["e_x", 2 * M],
]); // 2: never reaches 3, so never dropped for 1→3
f("X4", [
  ["e_a", 0],
  ["e_b", 1 * M],
  ["e_x", 2 * M],
  ["e_c", 3 * M],
]); // 3, e_x between 2 and 3
f("X5", [
  ["e_a", 0],
  ["e_x", 1 * M],
  ["e_b", 1 * M],
  ["e_c", 2 * M],
]); // 3, e_x at step 2's instant: not strictly between 1 and 2
f("X6", [
  ["e_b", 0],
  ["e_x", 1 * M],
  ["e_a", 2 * M],
  ["e_c", 3 * M],
]); // sequential 1; any order 3, e_x between 2 and 1
// Time between steps, funnel g_a → g_b → g_c (gaps in minutes).
f("G1", [
  ["g_a", 0],
  ["g_b", 2 * M],
  ["g_c", 10 * M],
]); // 2, then 8
f("G2", [
  ["g_a", 0],
  ["g_b", 5 * M],
  ["g_c", 6 * M],
]); // 5, then 1
f("G3", [
  ["g_a", 0],
  ["g_b", 20 * M],
  ["g_c", 21 * M],
]); // 20, then 1
f("G4", [
  ["g_b", 0],
  ["g_a", 8 * M],
  ["g_c", 10 * M],
]); // any order: 8 between 1 and 2 (step 2 first), 10 from step 2 to 3
// Attribution, funnel b_a → b_b → b_c broken down by category (A shoes, B bags).
f("B1", [
  ["b_a", 0],
  ["b_b", 1 * M, A],
  ["b_c", 2 * M, B],
]);
f("B2", [
  ["other_view", -1 * M, A],
  ["b_a", 0, B],
  ["b_b", 1 * M],
]); // an earlier non-step event carries shoes
f("B3", [
  ["b_a", 0],
  ["other_view", 1 * M, A],
]);
f("B4", [
  ["b_a", 0, A],
  ["b_b", 1 * M, B],
  ["b_c", 2 * M],
]);
// Identity merge, funnel i_a → i_b. cP browses anonymously, then signs in as uP in a second session.
f("P1", [["i_a", 0]], { client: "cP" });
f("P2", [["i_b", 10 * M]], { client: "cP", user: "uP" });
// uQ: anonymous i_a in browser cQ1 which signs in at 5 min; i_b from another browser, signed in.
f("Q1", [["i_a", 0]], { client: "cQ1" });
f("Q1", [["sign_in", 5 * M]], { client: "cQ1", user: "uQ" });
f("Q2", [["i_b", 10 * M]], { client: "cQ2", user: "uQ" });
// cR signs in as uR1 at 20 min; a late event shows it had signed in as uR0 at 2 min (the merge moves).
f("R1", [["i_a", 0]], { client: "cR" });
f("R2", [["sign_in", 20 * M]], { client: "cR", user: "uR1" });
f("R3", [["i_b", 30 * M]], { client: "cR2", user: "uR0" });
featuresLate.push({ session: "R1", client: "cR", user: "uR0", name: "sign_in", at: T2 + 2 * M });
// cP signs in again later, as another account: its merge stays with its first sign-in (uP).
featuresLate.push({ session: "P3", client: "cP", user: "uP2", name: "sign_in", at: T2 + 50 * M });
// Ten steps w1…w10: W1 all in order, W2 the first five, W3 w7 before w6. W1 also has w_x after w4.
const w = (n: number) => `w${n}`;
f("W1", [...Array.from({ length: 10 }, (_, i): [string, number] => [w(i + 1), i * M]), ["w_x", 3.5 * M]]);
f(
  "W2",
  Array.from({ length: 5 }, (_, i): [string, number] => [w(i + 1), i * M]),
);
f(
  "W3",
  [1, 2, 3, 4, 5, 7, 6, 8, 9, 10].map((n, i): [string, number] => [w(n), i * M]),
);

export const RANGE2 = { from: new Date(T2 - 60 * M).toISOString(), to: new Date(T2 + 6 * 60 * M).toISOString() };
/** A funnel of the feature events: `names` as steps, window 60 min, over `RANGE2`. */
export const q2 = (names: string[], over: Partial<FunnelQueryInput> = {}) =>
  FunnelQuery.parse({ steps: names.map((event) => ({ event })), windowMinutes: 60, ...RANGE2, ...over });
