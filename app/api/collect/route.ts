// POST /api/collect — clickstream batches from the tracker (public; CORS for configured site origins).
// 200 {accepted, rejected[]} once the batch is durably in the raw store; 202 for bots (dropped, counted);
// 403 origin not allowed; 413 too large; 422 bad JSON or no valid event; 429 over the client's rate.
// The same handler also listens on its own port (SIGHTLINE_INGEST_PORT) without the Next request path.

import { getContext } from "@/lib/adapters";
import { type CollectResponse, handleCollect } from "@/lib/clickstream/collect-http";
import { IngestCounters } from "@/lib/clickstream/count-ingest";
import { GroupCommitWriter } from "@/lib/clickstream/group-writer";
import { collectOrigins } from "@/lib/clickstream/ingest";
import { IngestRateLimiter } from "@/lib/clickstream/rate-limit";
import { isAppError } from "@/lib/errors";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { readBodyText } from "@/lib/http/read-body";
import { withRoute } from "@/lib/http/with-route";
import type { ObjectStore } from "@/lib/ports/object-store";
import { LIMITS } from "@/lib/schemas/clickstream";

const limiter = new IngestRateLimiter();
let writer: GroupCommitWriter | undefined;
const groupWriter = (raw: ObjectStore) => {
  writer ??= new GroupCommitWriter(raw);
  return writer;
};
const counters = new IngestCounters(async () => (await getContext()).db);

const toResponse = (r: CollectResponse) => new Response(r.body, { status: r.status, headers: r.headers });

async function handle(req: Request, bodyText: string, bodyTooLarge = false) {
  const { env, clickstreamRaw } = await getContext();
  const url = new URL(req.url);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const proto = req.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return handleCollect(
    {
      raw: clickstreamRaw,
      writer: groupWriter(clickstreamRaw),
      limiter,
      counters,
      allowedOrigins: collectOrigins(env.SIGHTLINE_COLLECT_ORIGINS, [
        ...(host ? [`${proto}://${host}`] : []),
        url.origin,
      ]),
    },
    {
      method: req.method,
      bodyText,
      bodyTooLarge,
      origin: req.headers.get("origin"),
      // Set by our HTTP front from the connection (scripts/next-server.ts), never by the client.
      ip: req.headers.get(CLIENT_IP_HEADER),
      userAgent: req.headers.get("user-agent"),
    },
  );
}

export const POST = withRoute({ auth: "public" }, async ({ req }) => {
  // Read only up to the batch limit: a larger body is refused while it arrives.
  const body = await readBodyText(req, LIMITS.batchBytes).catch((err: unknown) => {
    if (isAppError(err) && err.code === "payload_too_large") return null;
    throw err;
  });
  return toResponse(await handle(req, body ?? "", body === null));
});

/** Preflight for `fetch(…, { keepalive: true })` with a JSON content type from an allowed site. */
export async function OPTIONS(req: Request) {
  return toResponse(await handle(req, ""));
}
