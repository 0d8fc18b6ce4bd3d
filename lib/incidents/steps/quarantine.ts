import { CloudActionError } from "@/lib/ports/cloud-controls";
import type { IncidentRow, OriginalState } from "../incident-store";

/** The tag a quarantined instance and its snapshots carry, valued with the incident id. */
export const QUARANTINE_TAG = "sightline:quarantine";

/**
 * The instance state Enrich recorded. Every containment and undo step runs only after an
 * instance plan, which records it; without it the step cannot know what to act on or put back.
 */
export function requireOriginalState(i: IncidentRow, step: string): OriginalState {
  if (!i.original_state) throw new CloudActionError(step, "NoOriginalState", "the original state was not recorded");
  return i.original_state;
}
