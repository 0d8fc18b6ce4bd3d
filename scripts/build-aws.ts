/**
 * `npm run build:aws`: the app as SST deploys it — OpenNext (@opennextjs/aws, the version SST
 * pins) with SIGHTLINE_BACKEND=aws, as SST's build runs with the site's environment — into
 * .open-next/. Prints the server function's size; the stack tests read the output.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const res = spawnSync(path.join(root, "node_modules", ".bin", "open-next"), ["build"], {
  stdio: "inherit",
  env: { ...process.env, SIGHTLINE_BACKEND: "aws", NEXT_TELEMETRY_DISABLED: "1" },
});
if (res.status !== 0) process.exit(res.status ?? 1);

function size(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? size(p) : e.isFile() ? fs.statSync(p).size : 0;
  }
  return total;
}
const server = path.join(root, ".open-next", "server-functions", "default");
console.log(`[build:aws] server function: ${(size(server) / 1024 / 1024).toFixed(1)} MiB (${server})`);
for (const engine of ["@duckdb", "@electric-sql"])
  if (fs.existsSync(path.join(server, "node_modules", engine))) {
    console.error(`[build:aws] ${engine} is in the server bundle; it is local-only`);
    process.exit(1);
  }
