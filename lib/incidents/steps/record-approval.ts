import type { Queryable } from "@/lib/ports/database";
import { addEvent } from "../event-store";
import { setStatus } from "../incident-store";
import type { Approval } from "./payloads";

/** The decision that let containment start, on the timeline under the approver's name. */
export async function recordApproval(db: Queryable, incidentId: string, step: string, approval: Approval | undefined) {
  await setStatus(db, incidentId, "containing");
  const by = approval?.decidedBy ?? "unknown";
  await addEvent(db, incidentId, {
    kind: "approval",
    step,
    ok: true,
    actor: by,
    summary: `Approved by ${by}${approval?.comment ? `: ${approval.comment}` : ""}`,
  });
}
