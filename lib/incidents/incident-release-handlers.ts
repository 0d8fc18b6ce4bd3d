import { bindSteps, type IncidentDeps, type StepHandler } from "./deps";
import { recordRelease } from "./steps/record-release";
import { recordReleaseFailure } from "./steps/record-release-failure";
import { requestReleaseApproval } from "./steps/request-release-approval";
import { restoreInstance } from "./steps/restore-instance";

/** `workflows/incident-release.asl.json`: an approved undo of a quarantine, keyed by state name. */
export function incidentReleaseHandlers(deps: IncidentDeps): Record<string, StepHandler> {
  return bindSteps(deps, {
    RequestRelease: requestReleaseApproval,
    RestoreInstance: restoreInstance,
    RecordRelease: recordRelease,
    RecordReleaseFailure: recordReleaseFailure,
  });
}
