/**
 * MITRE ATT&CK Enterprise tactics, as rules and findings name them. The list lives in lib/schemas
 * (the browser shows tactic names too); rules use it under these names.
 */
import { TACTIC_IDS, TACTICS, type TacticId } from "@/lib/schemas/attack";

export { TACTICS };
export type Tactic = TacticId;
export const TACTIC_NAMES: readonly Tactic[] = TACTIC_IDS;
