import type { NotifyDeps } from "@/lib/notify/channel-rows";
import type { CloudControls } from "@/lib/ports/cloud-controls";
import type { Database } from "@/lib/ports/database";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import type { ObjectStore } from "@/lib/ports/object-store";
import type { Json } from "@/lib/ports/workflow-engine";

export interface IncidentConfig {
  /** How long an approval may wait before the Expired path. */
  approvalSeconds: number;
  /** Seconds between SSM status polls. */
  pollSeconds: number;
  /** Polls before evidence collection is declared timed out. */
  maxPolls: number;
  /** Evidence bucket name for the collection script (AWS); locally the simulated agent writes to the store. */
  evidenceBucket: string | null;
  /** Instance profile to swap in during quarantine (none: the profile is left alone). */
  quarantineProfileArn: string | null;
}

export interface IncidentDeps {
  db: Database;
  cloud: CloudControls;
  evidence: ObjectStore;
  notify: NotifyDeps;
  lake: LakeQueryEngine | null;
  config: IncidentConfig;
}

/** A Task state's code as the engines bind it: the state's payload in, its result out. */
export type StepHandler = (payload: Json) => Promise<Json>;

/** One workflow step: it parses its own payload, so the engines may hand it anything. */
export type IncidentStep = (deps: IncidentDeps, payload: unknown) => Promise<Json>;

/** The engines' handler map for a workflow, every step bound to the same deps. */
export const bindSteps = (deps: IncidentDeps, steps: Record<string, IncidentStep>): Record<string, StepHandler> =>
  Object.fromEntries(Object.entries(steps).map(([state, step]) => [state, (payload: Json) => step(deps, payload)]));
