/**
 * A stand-in server process for the restart test: connects to the test database, owns a local
 * workflow engine, resumes what is RUNNING, optionally submits one application, then runs until
 * killed. Usage: workflow-process.ts <database-url> <schema|-> <submit-name|->
 */
import { LocalWorkflowEngine } from "@/lib/adapters/local/local-workflow-engine";
import { applicationReviewHandlers } from "@/lib/applications/application-review-handlers";
import { DEMO_DENYLIST } from "@/lib/applications/rules";
import { submitApplication } from "@/lib/applications/submit-application";
import { PgDatabase } from "@/lib/db/pg-database";

const [url = "", schema = "-", submitName = "-"] = process.argv.slice(2);
const db = new PgDatabase({ url, kind: schema === "-" ? "pglite" : "postgres", ...(schema === "-" ? {} : { schema }) });
const engine = new LocalWorkflowEngine(
  db,
  { "application-review": applicationReviewHandlers({ db, denylist: DEMO_DENYLIST }) },
  100,
);

async function main() {
  const resumed = await engine.resumeAll();
  process.stdout.write(`${JSON.stringify({ resumed })}\n`);
  if (submitName !== "-") {
    const res = await submitApplication({
      ctx: { db, workflows: engine, submitter: "applicant@example.com", slaSeconds: 3600 },
      input: {
        name: submitName,
        address: { line1: "1 Test Street", city: "London", postcode: "SW1A 1AA", country: "GB" },
      },
    });
    process.stdout.write(`${JSON.stringify(res)}\n`);
  }
  setInterval(() => {}, 60_000);
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
