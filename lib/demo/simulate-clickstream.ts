import { ingestBatch } from "@/lib/clickstream/ingest";
import { IngestRateLimiter, TokenBucketLimiter } from "@/lib/clickstream/rate-limit";
import type { ObjectStore } from "@/lib/ports/object-store";
import { type ClickSession, ORIGIN, seededUuid, sessionEvents } from "./click-session";
import { Random } from "./random";

const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
const BOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

export interface SimulationTotals {
  sessions: number;
  events: number;
  duplicatesSent: number;
  lateEvents: number;
  botBatches: number;
  distinctEventIds: Set<string>;
}

type Send = (events: unknown[], receivedAt: number, ua?: string) => Promise<unknown>;

/** Sent in batches as the tracker would, a few seconds after they happened; some arrive hours late. */
async function sendSession(r: Random, s: ClickSession, send: Send, end: number, totals: SimulationTotals) {
  const { events } = s;
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
    await send([{ ...events[0], eventId: seededUuid(r) }], Math.min(end, s.lastAt), BOT_UA);
    totals.botBatches++;
  }
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
  const send: Send = async (events, receivedAt, ua = UA) =>
    ingestBatch(
      { raw: args.raw, limiter, allowedOrigins: [ORIGIN], now: () => receivedAt },
      { bodyText: JSON.stringify({ events }), origin: ORIGIN, ip: "198.51.100.23", userAgent: ua },
    );
  for (let s = 0; s < args.sessions; s++) {
    const session = sessionEvents(r, clients, { end, span });
    for (const e of session.events) totals.distinctEventIds.add(String(e.eventId));
    totals.sessions++;
    totals.events += session.events.length;
    await sendSession(r, session, send, end, totals);
  }
  return totals;
}
