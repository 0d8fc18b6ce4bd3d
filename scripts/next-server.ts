/**
 * The Next app behind our own HTTP front (spawned by `npm start`, which owns the database): the
 * same as `next start`/`next dev`, plus one thing Next cannot do — stamp each request with the
 * client's address as resolved from the connection itself (`resolveClientIp`), replacing any
 * header of that name a client sent. Next keeps a client-written `X-Forwarded-For` as it is.
 */
import http from "node:http";
import next from "next";
import { loadEnv } from "@/lib/env";
import { CLIENT_IP_HEADER, resolveClientIp } from "@/lib/http/client-ip";
import { runShutdown } from "@/lib/runtime/shutdown";

const dev = process.argv.includes("--dev");
const env = loadEnv();
const app = next({ dev, dir: process.cwd(), hostname: "127.0.0.1", port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const server = http.createServer((req, res) => {
  delete req.headers[CLIENT_IP_HEADER];
  const forwarded = req.headers["x-forwarded-for"];
  const ip = resolveClientIp(
    req.socket.remoteAddress,
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    env.SIGHTLINE_TRUSTED_PROXIES,
  );
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
  void handle(req, res);
});
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(env.PORT, "127.0.0.1");
// Background work started by instrumentation.ts (dispatcher, in-process engine, database pool) stops
// first, then the listener.
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void runShutdown().finally(() => server.close(() => process.exit(0)));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
