import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { ObjectStore } from "@/lib/ports/object-store";
import {
  ClickEvent,
  CollectBody,
  type CollectResult,
  eventTimeMs,
  eventTimeProblem,
  LIMITS,
  type RawEventLine,
} from "@/lib/schemas/clickstream";
import { findUnstorableText } from "@/lib/schemas/common";
import { jsonDepthExceeds } from "@/lib/schemas/json-depth";
import type { GroupCommitWriter } from "./group-writer";
import type { IngestRateLimiter } from "./rate-limit";

/** Crawlers, headless browsers and scripted clients: dropped and counted, never stored. */
const BOT_UA =
  /bot\b|crawler|spider|slurp|headless|phantomjs|puppeteer|playwright|curl\/|wget\/|python-requests|httpclient|go-http-client|facebookexternalhit|lighthouse/i;
export const isBot = (ua: string | null) => !ua || BOT_UA.test(ua);

/** IPv4 keeps /24, IPv6 keeps /48: enough for geography, not enough to identify a person. */
export function truncateIp(ip: string | null): string | null {
  if (!ip) return null;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0`;
  if (ip.includes(":")) {
    const groups = ip.split("::")[0]?.split(":") ?? [];
    return `${groups.slice(0, 3).join(":")}::`;
  }
  return null;
}

/** The answer to a batch over `LIMITS.batchBytes`, whether it was read whole or cut off while arriving. */
export const batchTooLarge = () => new AppError("payload_too_large", `A batch is at most ${LIMITS.batchBytes} bytes`);

/** `events/YYYY/MM/DD/HH/` of the UTC receive hour. */
export const hourPrefix = (ms: number) => {
  const d = new Date(ms).toISOString();
  return `events/${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(11, 13)}/`;
};

/** The receive hour (ISO) of a raw object key under `events/YYYY/MM/DD/HH/`, or null for other keys. */
export function hourOfKey(key: string): string | null {
  const m = /^events\/(\d{4})\/(\d{2})\/(\d{2})\/(\d{2})\//.exec(key);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:00:00.000Z` : null;
}

export interface IngestCtx {
  raw: ObjectStore;
  /** Group commit (the web route uses one); without it each batch is its own object. */
  writer?: GroupCommitWriter;
  limiter: IngestRateLimiter;
  allowedOrigins: readonly string[];
  now?: () => number;
}

export interface IngestRequest {
  bodyText: string;
  origin: string | null;
  ip: string | null;
  userAgent: string | null;
}

/**
 * The ingest core shared by `POST /api/collect` and the API Gateway Lambda. Validates the batch
 * and each event (invalid ones are answered per event; valid ones are kept), drops bots, truncates
 * the IP, applies the per-client rate limit, and writes the valid events as one newline-delimited
 * JSON object under the receive hour — returning only after that write is durable.
 */
export async function ingestBatch(ctx: IngestCtx, req: IngestRequest): Promise<CollectResult> {
  const now = ctx.now?.() ?? Date.now();
  if (req.origin && !ctx.allowedOrigins.includes(req.origin)) throw new AppError("forbidden", "Origin not allowed");
  if (Buffer.byteLength(req.bodyText) > LIMITS.batchBytes) throw batchTooLarge();
  // Deeper input than events have is refused before it costs stack anywhere.
  if (jsonDepthExceeds(req.bodyText, LIMITS.depth))
    throw new AppError("invalid_input", "The batch nests too deeply to be events");
  let json: unknown;
  try {
    json = JSON.parse(req.bodyText);
  } catch {
    throw new AppError("invalid_input", 'Body must be JSON: {"events": [...]}');
  }
  const batch = CollectBody.parse(json);
  if (isBot(req.userAgent)) return { accepted: 0, rejected: [], bots: batch.events.length, object: null };

  const rejected: CollectResult["rejected"] = [];
  const valid: ClickEvent[] = [];
  for (const [index, raw] of batch.events.entries()) {
    if (JSON.stringify(raw).length > LIMITS.eventBytes) {
      rejected.push({ index, reason: `event larger than ${LIMITS.eventBytes} bytes` });
      continue;
    }
    const unstorable = findUnstorableText(raw);
    if (unstorable) {
      rejected.push({ index, reason: `${unstorable.path}: ${unstorable.reason}` });
      continue;
    }
    const parsed = ClickEvent.safeParse(raw);
    if (!parsed.success) {
      rejected.push({
        index,
        reason: parsed.error.issues.map((i) => `${i.path.join(".") || "event"}: ${i.message}`).join("; "),
      });
      continue;
    }
    const timeProblem = eventTimeProblem(eventTimeMs(parsed.data), now);
    if (timeProblem) {
      rejected.push({ index, reason: timeProblem });
      continue;
    }
    valid.push(parsed.data);
  }
  if (valid.length === 0) return { accepted: 0, rejected, bots: 0, object: null };

  // Keyed on the client id and on the source address the server vouches for (a new client id per
  // batch does not get a new budget).
  const clientId = valid[0]?.clientId ?? "";
  if (!ctx.limiter.take({ clientId, address: req.ip }, valid.length))
    throw new AppError("rate_limited", "Too many events from this client; retry later");

  const ip = truncateIp(req.ip);
  const lines = valid.map((event) =>
    JSON.stringify({ event, receivedAt: now, ip, userAgent: req.userAgent } satisfies RawEventLine),
  );
  let key: string;
  if (ctx.writer) key = await ctx.writer.write(hourPrefix(now), lines);
  else {
    key = `${hourPrefix(now)}${now}-${randomUUID()}.ndjson`;
    await ctx.raw.put(key, `${lines.join("\n")}\n`, "application/x-ndjson");
  }
  return { accepted: valid.length, rejected, bots: 0, object: key };
}

/** Origins that may send events: the configured sites plus the app's own origins. */
export const collectOrigins = (configured: readonly string[], own: readonly string[]) => [
  ...new Set([...configured, ...own]),
];
