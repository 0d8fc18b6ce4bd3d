import {
  candidatesFor,
  type DetectionCandidates,
  detectFlowEvents,
  detectTrailEvents,
} from "@/lib/detections/evaluate-events";
import { type DetectionTuning, NO_TUNING } from "@/lib/detections/tuning";
import type { LakeRow } from "./tables";

/**
 * True when a record's JSON text may hold something a per-event rule matches: an `eventName` key
 * (at any depth) whose value is a name some rule lists, or a string value `"Root"` (the identity
 * type). A superset test on text free of escapes, so a bulk path only needs to parse and normalize
 * the records it picks. Anchored on the key, the search skips most of the text; testing every name
 * anywhere in the text cost twice as much. Only rules that are on count: a rule an admin turned
 * off (or one off by default) makes no record go the slower way.
 */
const DETECTION_HINT = /"eventName"\s*:\s*"([^"]*)"|"Root"/g;
export function mayMatchDetection(recordText: string, candidates: DetectionCandidates = candidatesFor()): boolean {
  DETECTION_HINT.lastIndex = 0;
  for (let m = DETECTION_HINT.exec(recordText); m !== null; m = DETECTION_HINT.exec(recordText))
    if (m[1] === undefined ? candidates.anyEvent : candidates.events.has(m[1])) return true;
  return false;
}

/**
 * The per-event rules (lib/detections) over one object's CloudTrail rows. Finding ids are
 * deterministic, so re-running never duplicates. Rules over many events (bursts, sequences) run
 * on a schedule over the whole lake instead, whatever the object boundaries.
 */
export const detect = (rows: LakeRow[], tuning: DetectionTuning = NO_TUNING): LakeRow[] =>
  detectTrailEvents(rows, tuning);

/** The per-event rules over one object's VPC Flow rows. */
export const detectFlows = (rows: LakeRow[], tuning: DetectionTuning = NO_TUNING): LakeRow[] =>
  detectFlowEvents(rows, tuning);
