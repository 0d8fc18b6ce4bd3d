import type { Queryable } from "@/lib/ports/database";
import { findRejection } from "@/lib/reviews/review-store";
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

/**
 * A rejection, on the timeline under the reviewer's name with their comment. The workflow only
 * carries the comment (the task failure's cause), so the reviewer is read from the decided item.
 */
export async function recordRejection(db: Queryable, incidentId: string, step: string, workflow: string) {
  const r = await findRejection(db, incidentId, workflow);
  const what = workflow === "incident-release" ? "Release rejected" : "Containment rejected";
  await addEvent(db, incidentId, {
    kind: workflow === "incident-release" ? "undo" : "approval",
    step,
    ok: true,
    actor: r?.decidedBy ?? "unknown",
    summary: `${what} by ${r?.decidedBy ?? "an unknown reviewer"}${r?.comment ? `: “${r.comment}”` : ""}`,
  });
}
