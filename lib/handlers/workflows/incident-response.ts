/**
 * Lambdas behind the incident-response and incident-release state machines' Task states: each
 * export is one function and calls the same handler code the local engine binds
 * (lib/incidents/workflow-handlers.ts). The Lambda invoke integration passes `Payload` as the event.
 */
import { AthenaLakeQuery } from "@/lib/adapters/aws/athena-lake-query";
import { incidentDepsFor } from "@/lib/adapters/incidents";
import { openDatabase } from "@/lib/db/connect";
import { loadEnv } from "@/lib/env";
import { incidentReleaseHandlers, incidentResponseHandlers } from "@/lib/incidents/workflow-handlers";
import type { Json } from "@/lib/ports/workflow-engine";

type Handlers = Record<string, (p: Json) => Promise<Json>>;
let ready: Promise<{ response: Handlers; release: Handlers }> | undefined;

const handlers = () => {
  ready ??= (async () => {
    const env = loadEnv();
    const db = await openDatabase(env);
    const lake = new AthenaLakeQuery({
      database: env.SIGHTLINE_GLUE_DATABASE,
      workGroup: env.SIGHTLINE_ATHENA_WORKGROUP,
      region: env.AWS_REGION,
    });
    const deps = incidentDepsFor(env, db, lake);
    return { response: incidentResponseHandlers(deps), release: incidentReleaseHandlers(deps) };
  })().catch((err) => {
    ready = undefined;
    throw err;
  });
  return ready;
};

const state = (machine: "response" | "release", name: string) => async (event: Json) => {
  const h = (await handlers())[machine][name];
  if (!h) throw new Error(`no handler for ${name}`);
  return h(event);
};

export const openIncident = state("response", "OpenIncident");
export const enrich = state("response", "Enrich");
export const requestApproval = state("response", "RequestApproval");
export const beginContainment = state("response", "BeginContainment");
export const isolateNetwork = state("response", "IsolateNetwork");
export const detachFromAsg = state("response", "DetachFromAsg");
export const protectInstance = state("response", "ProtectInstance");
export const snapshotVolumes = state("response", "SnapshotVolumes");
export const startCollection = state("response", "StartCollection");
export const checkCollection = state("response", "CheckCollection");
export const deactivateAccessKey = state("response", "DeactivateAccessKey");
export const notify = state("response", "Notify");
export const recordOutcome = state("response", "RecordOutcome");
export const recordFailure = state("response", "RecordFailure");

export const requestRelease = state("release", "RequestRelease");
export const restoreInstance = state("release", "RestoreInstance");
export const recordRelease = state("release", "RecordRelease");
export const recordReleaseFailure = state("release", "RecordReleaseFailure");
