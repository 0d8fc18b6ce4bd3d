// POST /api/collect — clickstream batches from the tracker (public; CORS for configured site origins).
// 200 {accepted, rejected[]} once the batch is durably in the raw store; 202 for bots (dropped, counted);
// 403 origin not allowed; 413 too large; 422 bad JSON or no valid event; 429 over the client's rate.
// The same handler also listens on its own port (SIGHTLINE_INGEST_PORT) without the Next request path.

import { getContext } from "@/lib/adapters";
import { type CollectResponse, handleCollect } from "@/lib/clickstream/collect-http";
import { IngestCounters } from "@/lib/clickstream/count-ingest";
import { GroupCommitWriter } from "@/lib/clickstream/group-writer";
import { collectOrigins } from "@/lib/clickstream/ingest";
import { TokenBucketLimiter } from "@/lib/clickstream/rate-limit";
import { withRoute } from "@/lib/http/with-route";
import type { ObjectStore } from "@/lib/ports/object-store";

const limiter = new TokenBucketLimiter();
let writer: GroupCommitWriter | undefined;
const groupWriter = (raw: ObjectStore) => {
  writer ??= new GroupCommitWriter(raw);
  return writer;
};
const counters = new IngestCounters(async () => (await getContext()).db);

const toResponse = (r: CollectResponse) => new Response(r.body, { status: r.status, headers: r.headers });

async function handle(req: Request, bodyText: string) {
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
      origin: req.headers.get("origin"),
      ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
      userAgent: req.headers.get("user-agent"),
    },
  );
}

export const POST = withRoute({ auth: "public" }, async ({ req }) => toResponse(await handle(req, await req.text())));

/** Preflight for `fetch(…, { keepalive: true })` with a JSON content type from an allowed site. */
export async function OPTIONS(req: Request) {
  return toResponse(await handle(req, ""));
}
