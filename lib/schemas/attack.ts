import { z } from "zod";

/** MITRE ATT&CK Enterprise tactics as rules and findings name them (facts from attack.mitre.org). */
export const TACTICS = {
  "initial-access": { id: "TA0001", name: "Initial Access" },
  execution: { id: "TA0002", name: "Execution" },
  persistence: { id: "TA0003", name: "Persistence" },
  "privilege-escalation": { id: "TA0004", name: "Privilege Escalation" },
  "defense-evasion": { id: "TA0005", name: "Defense Evasion" },
  "credential-access": { id: "TA0006", name: "Credential Access" },
  discovery: { id: "TA0007", name: "Discovery" },
  "lateral-movement": { id: "TA0008", name: "Lateral Movement" },
  collection: { id: "TA0009", name: "Collection" },
  exfiltration: { id: "TA0010", name: "Exfiltration" },
  "command-and-control": { id: "TA0011", name: "Command and Control" },
  impact: { id: "TA0040", name: "Impact" },
} as const;
export type TacticId = keyof typeof TACTICS;
export const TACTIC_IDS = Object.keys(TACTICS) as [TacticId, ...TacticId[]];
export const TacticId = z.enum(TACTIC_IDS, { error: "Pick one of the ATT&CK tactics" });
