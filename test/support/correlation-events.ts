import { A, B, type Ev } from "./funnel-events";

/*
 * Hand-built sessions for funnel correlation (product view → purchase, 60 min window), answers
 * worked out in funnel-correlation.integration.test.ts. C1–C4 convert (signed in); N1–N6 do not.
 */
export const T2 = Date.UTC(2026, 10, 12, 10);
const M = 60_000;

const session = (id: string, steps: [string, number, object?][], user = false): Ev[] =>
  steps.map(([name, off, product]) => ({
    session: id,
    name,
    at: T2 + off,
    ...(product ? { product } : {}),
    ...(user ? { user: `u-${id}` } : {}),
  }));

export const CORRELATION_EVENTS: Ev[] = [
  ...session(
    "C1",
    [
      ["product_view", 0, A],
      ["coupon", 1 * M],
      ["wishlist", 2 * M],
      ["purchase", 3 * M, A],
    ],
    true,
  ),
  ...session(
    "C2",
    [
      ["product_view", 0, A],
      ["coupon", 1 * M],
      ["share", 2 * M],
      ["purchase", 3 * M, A],
    ],
    true,
  ),
  ...session(
    "C3",
    [
      ["product_view", 0, A],
      ["coupon", 1 * M],
      ["purchase", 3 * M, A],
    ],
    true,
  ),
  ...session(
    "C4",
    [
      ["product_view", 0, B],
      ["help", 1 * M],
      ["purchase", 3 * M, B],
    ],
    true,
  ),
  ...session("N1", [
    ["product_view", 0, B],
    ["help", 1 * M],
    ["wishlist", 2 * M],
  ]),
  ...session("N2", [
    ["product_view", 0, B],
    ["help", 1 * M],
    ["share", 2 * M],
  ]),
  ...session("N3", [
    ["product_view", 0, B],
    ["help", 1 * M],
    ["share", 2 * M],
  ]),
  ...session("N4", [
    ["product_view", 0, B],
    ["help", 1 * M],
  ]),
  // N5's coupon comes after the window ends; N6's before it entered the funnel: neither counts.
  ...session("N5", [
    ["product_view", 0, A],
    ["coupon", 120 * M],
  ]),
  ...session("N6", [
    ["coupon", -5 * M],
    ["product_view", 0, A],
  ]),
];
