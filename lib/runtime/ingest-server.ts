import http from "node:http";
import { clickstreamRawStore } from "@/lib/adapters/compose/stores";
import { handleCollect } from "@/lib/clickstream/collect-http";
import { IngestCounters } from "@/lib/clickstream/count-ingest";
import { GroupCommitWriter } from "@/lib/clickstream/group-writer";
import { collectOrigins } from "@/lib/clickstream/ingest";
import { IngestRateLimiter } from "@/lib/clickstream/rate-limit";
import type { Env } from "@/lib/env";
import { resolveClientIp } from "@/lib/http/client-ip";
import type { Database } from "@/lib/ports/database";
import { LIMITS } from "@/lib/schemas/clickstream";

/**
 * The local ingest listener: `POST /api/collect` (and its preflight) served by `node:http` with the
 * same handler, raw store and group commit as the Next route — the local shape of API Gateway +
 * Lambda, for sites that send a lot. Answers 200 only after the batch's object is fsynced.
 */
export async function startIngestServer(args: {
  env: Env;
  db: Database;
  port: number;
  host?: string;
}): Promise<{ port: number; close: () => Promise<void> }> {
  const raw = clickstreamRawStore(args.env);
  const deps = {
    raw,
    writer: new GroupCommitWriter(raw),
    limiter: new IngestRateLimiter(),
    counters: new IngestCounters(async () => args.db),
    allowedOrigins: collectOrigins(args.env.SIGHTLINE_COLLECT_ORIGINS, [
      `http://localhost:${args.env.PORT}`,
      `http://127.0.0.1:${args.env.PORT}`,
    ]),
  };
  const server = http.createServer((req, res) => {
    const send = (r: { status: number; headers: Record<string, string>; body: string | null }) => {
      res.writeHead(r.status, r.headers);
      res.end(r.body ?? undefined);
    };
    if (req.url?.split("?")[0] !== "/api/collect") {
      send({ status: 404, headers: {}, body: null });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      // Kept up to the limit, then dropped (the answer is 413 once the body has arrived).
      if (size <= LIMITS.batchBytes) chunks.push(c);
    });
    req.on("end", () => {
      const header = (name: string) => {
        const v = req.headers[name];
        return (Array.isArray(v) ? v[0] : v) ?? null;
      };
      handleCollect(deps, {
        method: req.method ?? "GET",
        bodyText: size > LIMITS.batchBytes ? "" : Buffer.concat(chunks).toString("utf8"),
        bodyTooLarge: size > LIMITS.batchBytes,
        origin: header("origin"),
        ip: resolveClientIp(req.socket.remoteAddress, header("x-forwarded-for"), args.env.SIGHTLINE_TRUSTED_PROXIES),
        userAgent: header("user-agent"),
      }).then(send, (err) => {
        console.error("[ingest]", err);
        send({ status: 500, headers: {}, body: null });
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(args.port, args.host ?? "127.0.0.1", resolve);
  });
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
