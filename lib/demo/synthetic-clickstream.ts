import type { ClickEvent } from "@/lib/schemas/clickstream";
import { Random } from "./random";

/** A synthetic catalogue for volume runs: `n` products over a dozen categories and 40 brands. */
/** The demo catalogue's categories (the bench's generated data uses the same). */
export const DEMO_CATEGORIES = [
  "shoes",
  "bags",
  "watches",
  "jackets",
  "shirts",
  "hats",
  "sunglasses",
  "belts",
  "socks",
  "scarves",
  "gloves",
  "wallets",
] as const;

export function syntheticCatalogue(n = 400, seed = 3) {
  const r = new Random(seed);
  const categories = DEMO_CATEGORIES;
  return Array.from({ length: n }, (_, i) => {
    const price = r.int(10, 400);
    return {
      id: `sp-${1000 + i}`,
      name: `Product ${1000 + i}`,
      category: categories[i % categories.length] as string,
      brand: `Brand ${r.int(1, 40)}`,
      price,
      ...(r.chance(0.3) ? { discountPrice: Math.round(price * 0.8) } : {}),
      urlPath: `/p/sp-${1000 + i}`,
    };
  });
}

/**
 * Store sessions in start-time order over `[end - days, end)`, for volume runs (benchmarks): most
 * sessions browse and leave, some go product → cart → checkout → purchase, with repeated views,
 * removals, returning clients, logged-in users and first visits. Deterministic from the seed.
 */
export function* syntheticSessions(args: {
  sessions: number;
  days: number;
  end: number;
  seed?: number;
}): Generator<ClickEvent[]> {
  const r = new Random(args.seed ?? 11);
  const catalogue = syntheticCatalogue();
  const span = args.days * 86_400_000;
  const step = span / args.sessions;
  const start = args.end - span;
  const clients: string[] = [];
  const sources = ["cognito", "google", "apple"];
  for (let s = 0; s < args.sessions; s++) {
    const returning = clients.length > 100 && r.chance(0.35);
    const clientId = returning ? (clients[r.int(0, clients.length - 1)] as string) : r.uuid();
    if (!returning) clients.push(clientId);
    if (clients.length > 200_000) clients.splice(0, 100_000);
    const loggedIn = r.chance(0.25);
    const userId = loggedIn ? `u-${clientId.slice(0, 8)}` : undefined;
    const sessionId = r.uuid();
    let t = Math.floor(start + s * step + r.next() * step);
    let seq = 0;
    const out: ClickEvent[] = [];
    const ev = (eventName: string, product?: (typeof catalogue)[number]) => {
      const e: ClickEvent = {
        eventId: r.uuid(),
        eventName,
        timestamp: t,
        clientId,
        sessionId,
        seq: seq++,
        isFirstVisit: !returning && seq === 1,
        userLoginState: loggedIn ? "logged_in" : "guest",
        ...(userId ? { userId, identitySource: r.pick(sources) } : {}),
        pageUrl: product ? `https://shop.example${product.urlPath}` : "https://shop.example/",
        ...(product ? { product } : {}),
      };
      out.push(e);
      t += r.int(3, 240) * 1000;
    };
    ev("page_view");
    if (r.chance(0.65)) ev("category_view");
    const product = r.pick(catalogue);
    if (r.chance(0.6)) {
      ev("product_view", product);
      if (r.chance(0.3)) ev("product_view", r.pick(catalogue));
      if (r.chance(0.35)) {
        ev("add_to_cart", product);
        if (r.chance(0.1)) ev("remove_from_cart", product);
        else if (r.chance(0.55)) {
          ev("checkout_start", product);
          if (r.chance(0.6)) ev("purchase", product);
        }
      }
    }
    yield out;
  }
}
