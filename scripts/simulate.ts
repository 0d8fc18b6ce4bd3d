/** `npm run simulate -- --sessions 2000 --days 7`: demo-store traffic through the ingest core into the local raw store. */
import { parseArgs } from "node:util";
import { clickstreamRawStore } from "@/lib/adapters/compose/stores";
import { simulateClickstream } from "@/lib/demo/simulate-clickstream";
import { loadEnv } from "@/lib/env";

async function main() {
  const { values } = parseArgs({
    options: {
      sessions: { type: "string", default: "1000" },
      days: { type: "string", default: "7" },
      seed: { type: "string", default: "5" },
    },
  });
  const env = loadEnv();
  const t = await simulateClickstream({
    raw: clickstreamRawStore(env),
    sessions: Number(values.sessions),
    days: Number(values.days),
    seed: Number(values.seed),
  });
  console.log(
    `${t.sessions} sessions, ${t.events} events (${t.distinctEventIds.size} distinct), ${t.duplicatesSent} re-sent, ${t.lateEvents} late, ${t.botBatches} bot batches. Run \`npm run etl\` (or wait for :05) to load them.`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
