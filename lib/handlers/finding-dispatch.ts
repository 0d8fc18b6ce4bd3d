/**
 * Lambda (EventBridge schedule, every minute): notifies on the findings the lake ETL raised, with
 * dedup, rate limits and digests. Incident response itself is started by the EventBridge rule on
 * GuardDuty findings, so this one does not start executions.
 */

import { SfnWorkflowEngine } from "@/lib/adapters/aws/sfn-workflow-engine";
import { notifyDepsFor } from "@/lib/adapters/incidents";
import { openDatabase } from "@/lib/db/connect";
import { loadEnv } from "@/lib/env";
import { type DispatchSummary, dispatchFindingEvents } from "@/lib/incidents/dispatch";

export async function handler(): Promise<DispatchSummary> {
  const env = loadEnv();
  const db = await openDatabase(env);
  try {
    return await dispatchFindingEvents({
      db,
      workflows: new SfnWorkflowEngine(
        { "incident-response": env.SIGHTLINE_INCIDENT_RESPONSE_ARN },
        { region: env.AWS_REGION },
      ),
      notify: notifyDepsFor(env, db),
      threshold: env.SIGHTLINE_INCIDENT_THRESHOLD,
      startIncidents: false,
    });
  } finally {
    await db.close();
  }
}
