import { errorBody, isAppError } from "@/lib/errors";
import type { ObjectStore } from "@/lib/ports/object-store";
import type { IngestCounters } from "./count-ingest";
import type { GroupCommitWriter } from "./group-writer";
import { batchTooLarge, ingestBatch } from "./ingest";
import type { IngestRateLimiter } from "./rate-limit";

export interface CollectRequest {
  method: string;
  bodyText: string;
  /** The body was past `LIMITS.batchBytes` and was not read to the end (`bodyText` is then empty). */
  bodyTooLarge?: boolean;
  origin: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface CollectResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export interface CollectDeps {
  raw: ObjectStore;
  writer?: GroupCommitWriter;
  limiter: IngestRateLimiter;
  allowedOrigins: readonly string[];
  counters?: IngestCounters;
  now?: () => number;
}

/**
 * The collect endpoint over plain values, shared by the Next route, the local ingest listener and
 * the API Gateway Lambda: CORS preflight, the ingest core, the documented statuses (200 stored,
 * 202 bot, 403 origin, 413 size, 422 nothing valid, 429 rate) and the per-hour counters.
 * CORS headers are given only to allowed sites, so other origins get no readable answer.
 */
export async function handleCollect(deps: CollectDeps, req: CollectRequest): Promise<CollectResponse> {
  const allowed = req.origin !== null && deps.allowedOrigins.includes(req.origin);
  const cors: Record<string, string> = allowed
    ? { "access-control-allow-origin": req.origin as string, vary: "origin" }
    : {};
  if (req.method === "OPTIONS") {
    if (!allowed) return { status: 403, headers: {}, body: null };
    return {
      status: 204,
      headers: {
        ...cors,
        "access-control-allow-methods": "POST",
        "access-control-allow-headers": "content-type",
        "access-control-max-age": "86400",
      },
      body: null,
    };
  }
  const json = (status: number, body: unknown): CollectResponse => ({
    status,
    headers: { "content-type": "application/json", ...cors },
    body: JSON.stringify(body),
  });
  if (req.method !== "POST") return json(405, { error: { code: "method_not_allowed", message: "POST only" } });
  const now = deps.now?.() ?? Date.now();
  try {
    if (req.bodyTooLarge) throw batchTooLarge();
    const result = await ingestBatch(
      {
        raw: deps.raw,
        writer: deps.writer,
        limiter: deps.limiter,
        allowedOrigins: deps.allowedOrigins,
        now: () => now,
      },
      { bodyText: req.bodyText, origin: req.origin, ip: req.ip, userAgent: req.userAgent },
    );
    deps.counters?.add(now, {
      received: result.accepted + result.rejected.length + result.bots,
      accepted: result.accepted,
      rejected: result.rejected.length,
      bots: result.bots,
      rateLimited: 0,
      refused: 0,
    });
    if (result.bots) return json(202, result);
    if (result.accepted === 0)
      return json(422, { error: { code: "invalid_input", message: "No valid event in the batch" }, ...result });
    return json(200, result);
  } catch (err) {
    if (isAppError(err)) {
      const limited = err.code === "rate_limited";
      deps.counters?.add(now, {
        received: 0,
        accepted: 0,
        rejected: 0,
        bots: 0,
        rateLimited: limited ? 1 : 0,
        refused: limited ? 0 : 1,
      });
    }
    const { status, body } = errorBody(err);
    return json(status, body);
  }
}
