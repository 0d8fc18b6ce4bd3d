/**
 * `npm run bench:ingest [-- --seconds 15 --concurrency 32]`: clickstream ingest throughput (events/s
 * accepted, batches of 20) and latency (p50/p99) through the real endpoints — `npm start` on a fresh
 * data dir; its ingest listener (SIGHTLINE_INGEST_PORT) and the Next route `POST /api/collect`, each
 * 200 only after the batch is fsynced — and, in the same run with
 * the same load generator, a bare `node:http` server that appends the same NDJSON and fsyncs per
 * batch, as the baseline.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "15" },
    concurrency: { type: "string", default: "32" },
    port: { type: "string", default: "3300" },
  },
});
const SECONDS = Number(values.seconds);
const CONC = Number(values.concurrency);
const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? 0;

function batch(client: number, seq: number) {
  const now = Date.now();
  return JSON.stringify({
    events: Array.from({ length: 20 }, (_, i) => ({
      eventId: randomUUID(),
      eventName: i % 4 ? "product_view" : "page_view",
      timestamp: now,
      clientId: `bench-${client}`,
      sessionId: `s-${client}`,
      seq: seq * 20 + i,
      pageUrl: "http://localhost/demo-store/product/p-100",
      product: { id: `p-${i % 7}`, name: "Trail Runner", category: "shoes", brand: "Northpeak", price: 120 },
    })),
  });
}

async function load(url: string, origin: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONC });
  const latencies: number[] = [];
  let accepted = 0;
  let errors = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const post = (body: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        url,
        { method: "POST", agent, headers: { "content-type": "text/plain", origin, "user-agent": UA } },
        (res) => {
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: CONC }, async (_, w) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const body = batch(w * 1000 + (i % 1000), i);
        const t0 = performance.now();
        try {
          const res = await post(body);
          latencies.push(performance.now() - t0);
          if (res.status === 200) accepted += (JSON.parse(res.text) as { accepted?: number }).accepted ?? 20;
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  agent.destroy();
  return {
    eventsPerSec: accepted / SECONDS,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    errors,
    batches: latencies.length,
  };
}

async function baselineServer(dir: string): Promise<{ url: string; close: () => void }> {
  const file = path.join(dir, "events.ndjson");
  const fd = fs.openSync(file, "a");
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const { events } = JSON.parse(body) as { events: unknown[] };
      const lines = `${events.map((e) => JSON.stringify({ event: e, receivedAt: Date.now() })).join("\n")}\n`;
      fs.write(fd, lines, () => fs.fsync(fd, () => res.end(JSON.stringify({ accepted: events.length }))));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ingest-"));
  const port = Number(values.port);
  const app = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      SIGHTLINE_DATA_DIR: path.join(work, "data"),
      SIGHTLINE_DEMO_DATA: "false",
      DATABASE_URL: "",
      SIGHTLINE_INITIAL_PASSWORD: "bench-password-not-secret",
      SIGHTLINE_INGEST_PORT: String(port + 1),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (let i = 0; i < 300; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const origin = `http://127.0.0.1:${port}`;
    await load(`http://127.0.0.1:${port}/api/collect`, origin); // warm-up (JIT, first writes)
    const ours = await load(`http://127.0.0.1:${port}/api/collect`, origin);
    await load(`http://127.0.0.1:${port + 1}/api/collect`, origin);
    const listener = await load(`http://127.0.0.1:${port + 1}/api/collect`, origin);
    const base = await baselineServer(work);
    const baseline = await load(base.url, "http://127.0.0.1");
    base.close();
    console.log(
      `\n${SECONDS} s each, ${CONC} concurrent connections, batches of 20 events, ${os.cpus().length} cores, node ${process.version}\n`,
    );
    console.log("| server | events/s accepted | p50 ms | p99 ms | errors |");
    console.log("|---|---|---|---|---|");
    for (const [name, r] of [
      ["sightline ingest listener (same handler, node:http, durable)", listener],
      ["sightline POST /api/collect through Next (durable)", ours],
      ["baseline: node:http append + fsync", baseline],
    ] as const)
      console.log(
        `| ${name} | ${Math.round(r.eventsPerSec).toLocaleString()} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`,
      );
    console.log(
      `\nratio to baseline: listener ${(listener.eventsPerSec / baseline.eventsPerSec).toFixed(2)}×, Next route ${(ours.eventsPerSec / baseline.eventsPerSec).toFixed(2)}× (target ≥ 0.3×); target ≥ 20,000 events/s`,
    );
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
