/**
 * Runs the stack under Pulumi's mocks in its own Node process (as SST runs sst.config.ts: plain
 * Node, not a test runner's module loader) and writes the run as JSON to a file.
 * `node --import tsx test/support/sst-stack-run.ts <stage> <sitePath> <out.json>`
 */
import fs from "node:fs";
import { runStackWithMocks } from "./sst-stack";

const [stage = "test", sitePath = process.cwd(), out = "stack-run.json"] = process.argv.slice(2);
process.once("beforeExit", () => {
  console.error("The stack never settled: resources wait on outputs nothing will provide (see the errors above).");
  process.exit(3);
});
const run = await runStackWithMocks({ stage, sitePath });
fs.writeFileSync(out, JSON.stringify(run));
process.exit(0);
