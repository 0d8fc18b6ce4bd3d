// POST /api/collect — clickstream batches from the tracker (public; CORS for configured site origins).
// 200 {accepted, rejected[]} once the batch is durably in the raw store; 202 for bots (dropped, counted);
// 403 origin not allowed; 413 too large; 422 bad JSON or no valid event; 429 over the client's rate.

import { getContext } from "@/lib/adapters";
import { IngestCounters } from "@/lib/clickstream/count-ingest";
import { GroupCommitWriter } from "@/lib/clickstream/group-writer";
import { ingestBatch } from "@/lib/clickstream/ingest";
import { TokenBucketLimiter } from "@/lib/clickstream/rate-limit";
import { isAppError } from "@/lib/errors";
import { withRoute } from "@/lib/http/with-route";
import type { ObjectStore } from "@/lib/ports/object-store";

const limiter = new TokenBucketLimiter();
let writer: GroupCommitWriter | undefined;
const groupWriter = (raw: ObjectStore) => {
  writer ??= new GroupCommitWriter(raw);
  return writer;
};
const counters = new IngestCounters(async () => (await getContext()).db);

const allowedOrigins = (req: Request, configured: readonly string[]) => {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
  return [...configured, ...(host ? [`${proto}://${host}`] : []), new URL(req.url).origin];
};

const collect = withRoute({ auth: "public" }, async ({ req, ctx }) => {
  const now = Date.now();
  const bodyText = await req.text();
  const origins = allowedOrigins(req, ctx.env.SIGHTLINE_COLLECT_ORIGINS);
  try {
    const result = await ingestBatch(
      {
        raw: ctx.clickstreamRaw,
        writer: groupWriter(ctx.clickstreamRaw),
        limiter,
        allowedOrigins: origins,
        now: () => now,
      },
      {
        bodyText,
        origin: req.headers.get("origin"),
        ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
        userAgent: req.headers.get("user-agent"),
      },
    );
    const received = result.accepted + result.rejected.length + result.bots;
    counters.add(now, {
      received,
      accepted: result.accepted,
      rejected: result.rejected.length,
      bots: result.bots,
      rateLimited: 0,
      refused: 0,
    });
    const status = result.bots ? 202 : result.accepted === 0 ? 422 : 200;
    return Response.json(
      status === 422 ? { error: { code: "invalid_input", message: "No valid event in the batch" }, ...result } : result,
      {
        status,
      },
    );
  } catch (err) {
    if (isAppError(err)) {
      const limited = err.code === "rate_limited";
      counters.add(now, {
        received: 0,
        accepted: 0,
        rejected: 0,
        bots: 0,
        rateLimited: limited ? 1 : 0,
        refused: limited ? 0 : 1,
      });
    }
    throw err;
  }
});

/** CORS headers only for allowed sites: other origins get no readable answer. */
async function corsOrigin(req: Request): Promise<string | null> {
  const origin = req.headers.get("origin");
  if (!origin) return null;
  const { env } = await getContext();
  return allowedOrigins(req, env.SIGHTLINE_COLLECT_ORIGINS).includes(origin) ? origin : null;
}

async function withCors(res: Response, req: Request): Promise<Response> {
  const origin = await corsOrigin(req);
  if (!origin) return res;
  const headers = new Headers(res.headers);
  headers.set("access-control-allow-origin", origin);
  headers.set("vary", "origin");
  return new Response(res.body, { status: res.status, headers });
}

export const POST = Object.assign(
  async (req: Request, rc: Parameters<typeof collect>[1]) => withCors(await collect(req, rc), req),
  {
    meta: collect.meta,
  },
);

/** Preflight for `fetch(…, { keepalive: true })` with a JSON content type from an allowed site. */
export async function OPTIONS(req: Request) {
  const origin = await corsOrigin(req);
  if (!origin) return new Response(null, { status: 403 });
  return new Response(null, {
    status: 204,
    headers: {
      "access-control-allow-origin": origin,
      "access-control-allow-methods": "POST",
      "access-control-allow-headers": "content-type",
      "access-control-max-age": "86400",
      vary: "origin",
    },
  });
}
