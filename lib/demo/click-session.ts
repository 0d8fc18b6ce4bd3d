import { PRODUCTS, productInfo } from "@/lib/schemas/demo-store";
import type { Random } from "./random";

export const ORIGIN = "https://demo-store.local";

/** A uuid-shaped id from the seeded generator (v4 layout, so it validates as a uuid). */
export const seededUuid = (r: Random) => {
  const h = r.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[r.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** One visit's events in order, and the time of its last one. */
export interface ClickSession {
  events: Record<string, unknown>[];
  lastAt: number;
}

/**
 * One visit to the store that drops off step by step (page → category → product → cart → checkout
 * → purchase). A returning visitor reuses a known client id; a new one is added to `clients`. The
 * visit starts at a random time within the `span` milliseconds before `end`.
 */
export function sessionEvents(r: Random, clients: string[], period: { end: number; span: number }): ClickSession {
  const returning = clients.length > 0 && r.chance(0.3);
  const clientId = returning ? r.pick(clients) : seededUuid(r);
  if (!returning) clients.push(clientId);
  const sessionId = seededUuid(r);
  let t = period.end - r.next() * period.span;
  let seq = 0;
  const events: Record<string, unknown>[] = [];
  const ev = (eventName: string, product?: (typeof PRODUCTS)[number]) => {
    t += r.int(2, 90) * 1000;
    events.push({
      eventId: seededUuid(r),
      eventName,
      timestamp: Math.round(t),
      clientId,
      sessionId,
      seq: seq++,
      isFirstVisit: !returning && seq === 1,
      userLoginState: r.chance(0.2) ? "logged_in" : "guest",
      pageUrl: product ? `${ORIGIN}/demo-store/product/${product.id}` : `${ORIGIN}/demo-store`,
      ...(product ? { product: productInfo(product) } : {}),
    });
  };
  ev("page_view");
  const product = r.pick(PRODUCTS);
  if (r.chance(0.7)) ev("category_view");
  if (r.chance(0.6)) {
    ev("product_view", product);
    if (r.chance(0.35)) {
      ev("add_to_cart", product);
      if (r.chance(0.15)) ev("remove_from_cart", product);
      else if (r.chance(0.55)) {
        ev("checkout_start", product);
        if (r.chance(0.6)) ev("purchase", product);
      }
    }
  }
  return { events, lastAt: t };
}
