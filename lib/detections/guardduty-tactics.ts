import type { Tactic } from "./tactics";

/**
 * The ATT&CK tactic of each GuardDuty finding-type family: the threat purpose, the part of the
 * type before ":" (`Recon:EC2/PortProbeUnprotectedPort` → `Recon`). One tactic per family, chosen
 * from what GuardDuty's documentation says the family's findings are about:
 *
 * - Backdoor, Trojan: the resource talks to an attacker's server (C&C, drop points, DGA domains) → command-and-control.
 * - Behavior: traffic or API use unlike the resource's baseline (unusual ports, volumes) → command-and-control,
 *   as most of its findings are a compromised host talking out in a new way.
 * - CryptoCurrency: mining software or pool traffic → impact (Resource Hijacking).
 * - PenTest: calls from penetration-testing systems (Kali, Parrot, Pentoo) probing the account → discovery.
 * - Recon: probing and enumeration → discovery.
 * - Stealth: logging turned off, password policy weakened → defense-evasion.
 * - Policy: a security setting was weakened or a best practice broken (root credentials used, S3 Block Public
 *   Access turned off, a bucket or a Kubernetes dashboard made public). We map it to defense-evasion: the finding
 *   says a control that would stop or show an attack is gone, which is what the tactic covers.
 * - UnauthorizedAccess: someone used a resource or credentials they should not have (a console login from an
 *   unusual place, instance credentials used outside AWS, brute-force against SSH/RDP, calls from Tor or a known bad
 *   address). We map it to initial-access: the findings are about an outsider getting in with valid accounts or
 *   guessed passwords, even though a few (credential exfiltration) would also fit credential-access.
 * - AttackSequence: GuardDuty's Extended Threat Detection correlating many signals into one multi-stage attack
 *   (compromised credentials, compromised data or clusters) → impact, the stage the sequence ends in.
 * - The others are named after the tactic itself.
 */
export const GUARDDUTY_TACTICS = {
  AttackSequence: "impact",
  Backdoor: "command-and-control",
  Behavior: "command-and-control",
  CredentialAccess: "credential-access",
  CryptoCurrency: "impact",
  DefenseEvasion: "defense-evasion",
  Discovery: "discovery",
  Execution: "execution",
  Exfiltration: "exfiltration",
  Impact: "impact",
  InitialAccess: "initial-access",
  PenTest: "discovery",
  Persistence: "persistence",
  Policy: "defense-evasion",
  PrivilegeEscalation: "privilege-escalation",
  Recon: "discovery",
  Stealth: "defense-evasion",
  Trojan: "command-and-control",
  UnauthorizedAccess: "initial-access",
} as const satisfies Record<string, Tactic>;

export type GuardDutyFamily = keyof typeof GUARDDUTY_TACTICS;

const BY_LOWER = new Map<string, Tactic>(
  Object.entries(GUARDDUTY_TACTICS).map(([family, tactic]) => [family.toLowerCase(), tactic]),
);

/** The tactic of a GuardDuty finding type (`ThreatPurpose:ResourceTypeAffected/ThreatFamilyName…`), or null. */
export function guardDutyTactic(findingType: string): Tactic | null {
  const colon = findingType.indexOf(":");
  if (colon <= 0) return null;
  return BY_LOWER.get(findingType.slice(0, colon).trim().toLowerCase()) ?? null;
}
