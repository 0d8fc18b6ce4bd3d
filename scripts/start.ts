/**
 * `npm start`: open (and own) the database, migrate, seed on first start, build if the
 * sources changed, then serve the Next app on $PORT. `--dev` runs `next dev` instead.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/lib/adapters/compose/database";
import { loadEnv } from "@/lib/env";
import { startHostWork } from "@/lib/runtime/background";
import { demoClickstreamHook } from "@/lib/runtime/local-clickstream";
import { demoLakeHook } from "@/lib/runtime/local-lake";
import { prepare } from "@/lib/runtime/prepare";
import { runShutdown } from "@/lib/runtime/shutdown";

const dev = process.argv.includes("--dev");
const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function newestMtime(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

function buildIfNeeded() {
  const stamp = fs.statSync(path.join(root, ".next", "BUILD_ID"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = ["app", "components", "lib", "public", "next.config.js", "package.json", "postcss.config.mjs"];
  const newest = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  if (stamp >= newest) return;
  console.log("[start] building the app (sources changed since the last build)…");
  const res = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

async function main() {
  const env = loadEnv();
  const db = await openDatabase(env);
  const log = (m: string) => console.log(`[start] ${m}`);
  const local = env.SIGHTLINE_BACKEND === "local";
  const { seeded } = await prepare(env, db, log, local ? [demoLakeHook, demoClickstreamHook] : []);
  if (seeded.length) {
    console.log("\n[start] First start: created one user per role. These passwords are shown only now:");
    for (const u of seeded) console.log(`  ${u.role.padEnd(10)} ${u.email.padEnd(28)} ${u.password}`);
    console.log("");
  }
  if (!dev) buildIfNeeded();
  await startHostWork(env, db, log);

  // The app runs in its own process (this one owns the embedded database), behind our HTTP front.
  const server = path.join(root, "scripts", "next-server.ts");
  const child = spawn(process.execPath, ["--import", "tsx", server, ...(dev ? ["--dev"] : [])], {
    stdio: "inherit",
    env: {
      ...process.env,
      SIGHTLINE_DATA_DIR: env.dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: dev ? "development" : "production",
    },
  });
  console.log(`[start] Sightline (${env.SIGHTLINE_BACKEND}, ${db.kind}) on http://localhost:${env.PORT}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  child.on("exit", async (code) => {
    await runShutdown();
    await db.close().catch(() => {});
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error("[start] failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
