import { bindSteps, type IncidentDeps, type StepHandler } from "./deps";
import { beginContainment } from "./steps/begin-containment";
import { checkCollection } from "./steps/check-collection";
import { deactivateAccessKey } from "./steps/deactivate-access-key";
import { detachFromAsg } from "./steps/detach-from-asg";
import { enrichIncident } from "./steps/enrich-incident";
import { isolateNetwork } from "./steps/isolate-network";
import { notifyOutcome } from "./steps/notify-outcome";
import { openIncident } from "./steps/open-incident";
import { protectInstance } from "./steps/protect-instance";
import { recordFailure } from "./steps/record-failure";
import { recordOutcome } from "./steps/record-outcome";
import { requestContainmentApproval } from "./steps/request-containment-approval";
import { snapshotVolumes } from "./steps/snapshot-volumes";
import { startCollection } from "./steps/start-collection";

/**
 * The code behind every Task state of `workflows/incident-response.asl.json`, keyed by state name
 * (the Lambda entry points and the local engine bind the same functions).
 */
export function incidentResponseHandlers(deps: IncidentDeps): Record<string, StepHandler> {
  return bindSteps(deps, {
    OpenIncident: openIncident,
    Enrich: enrichIncident,
    RequestApproval: requestContainmentApproval,
    BeginContainment: beginContainment,
    IsolateNetwork: isolateNetwork,
    DetachFromAsg: detachFromAsg,
    ProtectInstance: protectInstance,
    SnapshotVolumes: snapshotVolumes,
    StartCollection: startCollection,
    CheckCollection: checkCollection,
    DeactivateAccessKey: deactivateAccessKey,
    Notify: notifyOutcome,
    RecordOutcome: recordOutcome,
    RecordFailure: recordFailure,
  });
}
