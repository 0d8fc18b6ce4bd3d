import type { TrailRule } from "../../rule";
import { authorizeCall, modifyCall } from "./security-group-fixtures";
import {
  SECURITY_GROUP_EVENTS,
  SECURITY_GROUP_REFERENCES,
  securityGroupOf,
  worldExposures,
} from "./security-group-permissions";

const INGRESS = "AuthorizeSecurityGroupIngress";

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "security-group-rdp-open-to-world",
  version: 1,
  title: "RDP opened to the internet in a security group",
  severity: 4,
  description:
    "An inbound security group rule now allows port 3389 (Remote Desktop) from 0.0.0.0/0 or ::/0: Windows hosts using the group face password spraying and RDP exploits from anywhere.",
  tactic: "initial-access",
  techniques: ["T1133", "T1562.007"],
  events: [...SECURITY_GROUP_EVENTS],
  match: (e) => e.ok && worldExposures(e).has("rdp"),
  resource: securityGroupOf,
  runbook: {
    check: [
      "Which Windows instances use the group and whether Network Level Authentication and account lockout are on.",
      "Who made the change; look for Windows logon events (4624/4625) from internet addresses since.",
    ],
    contain: [
      "Revoke the rule; use Fleet Manager, a bastion or a VPN for remote desktop.",
      "Reset passwords of accounts that could log on to the exposed hosts.",
    ],
    falsePositives: ["A vendor's temporary support session; limit the rule to the vendor's published addresses."],
  },
  references: SECURITY_GROUP_REFERENCES,
  fixtures: {
    fire: [
      modifyCall({ protocol: "tcp", from: 3389, to: 3389, source: "0.0.0.0/0" }),
      authorizeCall(INGRESS, { protocol: "udp", from: 3389, to: 3389, source: "::/0" }),
    ],
    quiet: [
      modifyCall({ protocol: "tcp", from: 3389, to: 3389, source: "10.0.0.0/16" }),
      modifyCall({ protocol: "tcp", from: 3389, to: 3389, source: "0.0.0.0/0" }, true),
      authorizeCall(INGRESS, { protocol: "tcp", from: 3389, to: 3389, source: "sg-0b1c2d3e4f5a6b7c8" }),
    ],
  },
};
