/**
 * Lambda (EventBridge schedule, every minute): notifies on the findings the lake ETL raised, with
 * dedup, rate limits and digests. Incident response itself is started by the EventBridge rule on
 * GuardDuty findings, so this one does not start executions.
 */
import { openDatabase } from "@/lib/adapters/compose/database";
import { notifyDeps, stepFunctions } from "@/lib/adapters/compose/workflows";
import { loadEnv } from "@/lib/env";
import { type DispatchSummary, dispatchFindingEvents } from "@/lib/incidents/dispatch";

export async function handler(): Promise<DispatchSummary> {
  const env = loadEnv();
  const db = await openDatabase(env);
  try {
    return await dispatchFindingEvents({
      db,
      workflows: stepFunctions(env),
      notify: notifyDeps(env, db),
      threshold: env.SIGHTLINE_INCIDENT_THRESHOLD,
      startIncidents: false,
    });
  } finally {
    await db.close();
  }
}
