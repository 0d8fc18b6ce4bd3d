/**
 * Lambdas behind the incident-response and incident-release state machines' Task states: each
 * export is one function and calls the same handler code the local engine binds
 * (lib/incidents/incident-*-handlers.ts). The Lambda invoke integration passes `Payload` as the event.
 */
import { athenaLakeQuery } from "@/lib/adapters/compose/athena";
import { openDatabase } from "@/lib/adapters/compose/database";
import { incidentDeps } from "@/lib/adapters/compose/workflows";
import { loadEnv } from "@/lib/env";
import { incidentReleaseHandlers } from "@/lib/incidents/incident-release-handlers";
import { incidentResponseHandlers } from "@/lib/incidents/incident-response-handlers";
import type { Json } from "@/lib/ports/workflow-engine";

type Handlers = Record<string, (p: Json) => Promise<Json>>;
let ready: Promise<{ response: Handlers; release: Handlers }> | undefined;

const handlers = () => {
  ready ??= (async () => {
    const env = loadEnv();
    const db = await openDatabase(env);
    const deps = incidentDeps(env, db, athenaLakeQuery(env));
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
