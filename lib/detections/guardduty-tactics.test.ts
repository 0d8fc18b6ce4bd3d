import { describe, expect, test } from "vitest";
import { GUARDDUTY_TACTICS, guardDutyTactic } from "./guardduty-tactics";
import { TACTIC_NAMES } from "./tactics";

/** GuardDuty's threat purposes, as its finding-type documentation lists them. */
const FAMILIES = [
  "AttackSequence",
  "Backdoor",
  "Behavior",
  "CredentialAccess",
  "CryptoCurrency",
  "DefenseEvasion",
  "Discovery",
  "Execution",
  "Exfiltration",
  "Impact",
  "InitialAccess",
  "PenTest",
  "Persistence",
  "Policy",
  "PrivilegeEscalation",
  "Recon",
  "Stealth",
  "Trojan",
  "UnauthorizedAccess",
];

describe("guardDutyTactic", () => {
  test("every finding-type family maps to an ATT&CK tactic, and the table has no other family", () => {
    for (const family of FAMILIES) expect(TACTIC_NAMES, family).toContain(guardDutyTactic(`${family}:EC2/Example`));
    expect(Object.keys(GUARDDUTY_TACTICS).sort()).toEqual([...FAMILIES].sort());
  });

  test.each([
    ["Recon:EC2/PortProbeUnprotectedPort", "discovery"],
    ["CryptoCurrency:EC2/BitcoinTool.B!DNS", "impact"],
    ["Backdoor:EC2/C&CActivity.B!DNS", "command-and-control"],
    ["Trojan:EC2/DNSDataExfiltration", "command-and-control"],
    ["UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", "initial-access"],
    ["UnauthorizedAccess:EC2/SSHBruteForce", "initial-access"],
    ["Policy:IAMUser/RootCredentialUsage", "defense-evasion"],
    ["Policy:S3/BucketBlockPublicAccessDisabled", "defense-evasion"],
    ["Stealth:IAMUser/CloudTrailLoggingDisabled", "defense-evasion"],
    ["PenTest:IAMUser/KaliLinux", "discovery"],
    ["Exfiltration:S3/AnomalousBehavior", "exfiltration"],
    ["PrivilegeEscalation:Runtime/DockerSocketAccessed", "privilege-escalation"],
    ["Execution:Runtime/NewBinaryExecuted", "execution"],
    ["AttackSequence:IAM/CompromisedCredentials", "impact"],
    ["Behavior:EC2/NetworkPortUnusual", "command-and-control"],
  ])("%s → %s", (type, tactic) => {
    expect(guardDutyTactic(type)).toBe(tactic);
  });

  test("the family is read case-insensitively", () => {
    expect(guardDutyTactic("recon:EC2/Portscan")).toBe("discovery");
  });

  test.each([
    "",
    "Recon",
    ":EC2/Portscan",
    "Unknown:EC2/Something",
    "toString:EC2/Something",
    "constructor:EC2/Something",
    "Sightline:security-group-open-to-world",
  ])("%j → null", (type) => {
    expect(guardDutyTactic(type)).toBeNull();
  });
});
