/**
 * `npm run infra:check`: type-checks sst.config.ts and infra/ against the pinned SST platform —
 * SST's own component sources and the Pulumi providers they use — installed here without the
 * internet. The `sst` binary comes from the npm registry; before any command it checks `pulumi
 * version` and `bun --version` in its config directory and downloads them when they differ. Here
 * that directory is a private one under .sst/ holding two stand-ins: a `pulumi` that only tells its
 * version and a `bun` whose `install` is `npm install`. `sst install` then extracts .sst/platform
 * and installs its npm dependencies from the registry. Nothing is deployed and no cloud is called.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
};
const SST = pkg.devDependencies.sst ?? "";
/** What each pinned SST release checks for (its failed download URL names them). */
const TOOLS: Record<string, { pulumi: string; bun: string }> = { "4.17.1": { pulumi: "v3.215.0", bun: "1.2.1" } };
const tools = TOOLS[SST];
if (!tools) {
  console.error(
    `infra:check: no pulumi/bun versions recorded for sst ${SST}. Run \`npx sst install --stage check\` once, read the ` +
      "versions in the download URLs it fails on, and add them to TOOLS in scripts/infra-check.ts.",
  );
  process.exit(2);
}

const platform = path.join(root, ".sst", "platform");
const installed = () =>
  fs.existsSync(path.join(platform, "node_modules", "@pulumi", "aws")) &&
  fs.readFileSync(path.join(platform, "version"), "utf8").trim() === SST;

if (!installed()) {
  const config = path.join(root, ".sst", "offline-config");
  const bin = path.join(config, "sst", "bin");
  fs.mkdirSync(bin, { recursive: true });
  const standIn = (name: string, text: string) => fs.writeFileSync(path.join(bin, name), text, { mode: 0o755 });
  standIn(
    "pulumi",
    `#!/bin/sh\n[ "$1" = "version" ] && { echo "${tools.pulumi}"; exit 0; }\necho "pulumi is not installed here (infra:check only type-checks)" >&2; exit 1\n`,
  );
  standIn(
    "bun",
    `#!/bin/sh\ncase "$1" in\n  --version) echo "${tools.bun}" ;;\n  install) shift; exec npm install --no-audit --no-fund --ignore-scripts "$@" ;;\n  *) echo "bun is not installed here (infra:check only type-checks)" >&2; exit 1 ;;\nesac\n`,
  );
  console.log(
    `[infra:check] installing the SST ${SST} platform into .sst/platform (offline tools in .sst/offline-config)`,
  );
  const res = spawnSync(path.join(root, "node_modules", ".bin", "sst"), ["install", "--stage", "check"], {
    stdio: "inherit",
    env: { ...process.env, XDG_CONFIG_HOME: config, SST_TELEMETRY_DISABLED: "1", NO_COLOR: "1" },
  });
  if (res.status !== 0 || !installed()) {
    console.error("[infra:check] sst install did not produce .sst/platform");
    process.exit(res.status || 1);
  }
}

const tsc = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.infra.json"],
  {
    stdio: "inherit",
  },
);
if (tsc.status === 0) console.log(`[infra:check] sst.config.ts and infra/ type-check against SST ${SST}: 0 errors`);
process.exit(tsc.status ?? 1);
