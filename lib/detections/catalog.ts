/**
 * Every built-in rule, by tactic folder (`rules/<tactic>/index.ts` lists its rules). Ids are unique
 * across the catalog; the fixture suite holds it so.
 */
import type { AnyRule, EventRule, FlowRule, ScheduledRule, TrailRule } from "./rule";
import { RULES as collection } from "./rules/collection";
import { RULES as commandAndControl } from "./rules/command-and-control";
import { RULES as credentialAccess } from "./rules/credential-access";
import { RULES as defenseEvasion } from "./rules/defense-evasion";
import { RULES as discovery } from "./rules/discovery";
import { RULES as execution } from "./rules/execution";
import { RULES as exfiltration } from "./rules/exfiltration";
import { RULES as impact } from "./rules/impact";
import { RULES as initialAccess } from "./rules/initial-access";
import { RULES as lateralMovement } from "./rules/lateral-movement";
import { RULES as network } from "./rules/network";
import { RULES as persistence } from "./rules/persistence";
import { RULES as privilegeEscalation } from "./rules/privilege-escalation";
import { SCHEDULED as scheduled } from "./rules/scheduled";

export const EVENT_RULES: readonly EventRule[] = [
  ...initialAccess,
  ...execution,
  ...persistence,
  ...privilegeEscalation,
  ...defenseEvasion,
  ...credentialAccess,
  ...discovery,
  ...lateralMovement,
  ...collection,
  ...exfiltration,
  ...commandAndControl,
  ...impact,
  ...network,
];

/** Threshold and sequence rules: run on a schedule over the lake. */
export const SCHEDULED_RULES: readonly ScheduledRule[] = scheduled;

/** Every rule of every kind (per-event, threshold, sequence). */
export const ALL_RULES: readonly AnyRule[] = [...EVENT_RULES, ...SCHEDULED_RULES];

export const TRAIL_RULES = EVENT_RULES.filter((r): r is TrailRule => r.kind === "cloudtrail");
export const FLOW_RULES = EVENT_RULES.filter((r): r is FlowRule => r.kind === "vpcflow");
