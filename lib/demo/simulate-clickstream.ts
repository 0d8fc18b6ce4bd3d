import { ingestBatch } from "@/lib/clickstream/ingest";
import { IngestRateLimiter, TokenBucketLimiter } from "@/lib/clickstream/rate-limit";
import type { ObjectStore } from "@/lib/ports/object-store";
import { PRODUCTS, productInfo } from "@/lib/schemas/demo-store";
import { Random } from "./random";

const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
const BOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const ORIGIN = "https://demo-store.local";

/** A uuid-shaped id from the seeded generator (v4 layout, so it validates as a uuid). */
const uuid = (r: Random) => {
  const h = r.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[r.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export interface SimulationTotals {
  sessions: number;
  events: number;
  duplicatesSent: number;
  lateEvents: number;
  botBatches: number;
  distinctEventIds: Set<string>;
}

/**
 * Realistic store traffic through the real ingest core (same validation, same raw objects): sessions
 * that drop off step by step (page → category → product → cart → checkout → purchase), returning
 * visitors, discounts, bots, batches re-sent after a "lost" answer, and late events that arrive hours
 * after they happened.
 */
export async function simulateClickstream(args: {
  raw: ObjectStore;
  sessions: number;
  days: number;
  seed?: number;
  end?: number;
}): Promise<SimulationTotals> {
  const r = new Random(args.seed ?? 5);
  const end = args.end ?? Date.now();
  const span = args.days * 86_400_000;
  const limiter = new IngestRateLimiter(new TokenBucketLimiter(1e9, 1e9), new TokenBucketLimiter(1e9, 1e9));
  const clients: string[] = [];
  const totals: SimulationTotals = {
    sessions: 0,
    events: 0,
    duplicatesSent: 0,
    lateEvents: 0,
    botBatches: 0,
    distinctEventIds: new Set(),
  };
  const send = async (events: unknown[], receivedAt: number, ua = UA) =>
    ingestBatch(
      { raw: args.raw, limiter, allowedOrigins: [ORIGIN], now: () => receivedAt },
      { bodyText: JSON.stringify({ events }), origin: ORIGIN, ip: "198.51.100.23", userAgent: ua },
    );

  for (let s = 0; s < args.sessions; s++) {
    const returning = clients.length > 0 && r.chance(0.3);
    const clientId = returning ? r.pick(clients) : uuid(r);
    if (!returning) clients.push(clientId);
    const sessionId = uuid(r);
    let t = end - r.next() * span;
    let seq = 0;
    const events: Record<string, unknown>[] = [];
    const ev = (eventName: string, product?: (typeof PRODUCTS)[number]) => {
      t += r.int(2, 90) * 1000;
      const e = {
        eventId: uuid(r),
        eventName,
        timestamp: Math.round(t),
        clientId,
        sessionId,
        seq: seq++,
        isFirstVisit: !returning && seq === 1,
        userLoginState: r.chance(0.2) ? "logged_in" : "guest",
        pageUrl: product ? `${ORIGIN}/demo-store/product/${product.id}` : `${ORIGIN}/demo-store`,
        ...(product ? { product: productInfo(product) } : {}),
      };
      events.push(e);
      totals.distinctEventIds.add(e.eventId);
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
    totals.sessions++;
    totals.events += events.length;
    // Sent in batches as the tracker would, a few seconds after they happened; some arrive hours late.
    for (let i = 0; i < events.length; i += 4) {
      const chunk = events.slice(i, i + 4);
      const last = Number(chunk.at(-1)?.timestamp);
      const late = r.chance(0.03);
      if (late) totals.lateEvents += chunk.length;
      const receivedAt = Math.min(end, last + (late ? r.int(1, 30) * 3_600_000 : r.int(1, 5) * 1000));
      await send(chunk, receivedAt);
      if (r.chance(0.02)) {
        await send(chunk, receivedAt + 2000); // a retry after a lost 2xx
        totals.duplicatesSent += chunk.length;
      }
    }
    if (r.chance(0.05)) {
      await send([{ ...events[0], eventId: uuid(r) }], Math.min(end, t), BOT_UA);
      totals.botBatches++;
    }
  }
  return totals;
}
