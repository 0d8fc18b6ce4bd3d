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
  id: "security-group-ssh-open-to-world",
  version: 1,
  title: "SSH opened to the internet in a security group",
  severity: 4,
  description:
    "An inbound security group rule now allows TCP port 22 (SSH) from 0.0.0.0/0 or ::/0: every host using the group can be reached and brute-forced from anywhere.",
  tactic: "initial-access",
  techniques: ["T1133", "T1562.007"],
  events: [...SECURITY_GROUP_EVENTS],
  match: (e) => e.ok && worldExposures(e).has("ssh"),
  resource: securityGroupOf,
  runbook: {
    check: [
      "Which instances use the group, and whether they accept password logins or only keys.",
      "Who made the change and whether a ticket or pipeline run explains it; look for SSH logins from unknown addresses since.",
    ],
    contain: [
      "Revoke the rule and reach the hosts through Session Manager or from a known address range instead.",
      "Rotate keys and review authorized_keys on hosts that were reachable.",
    ],
    falsePositives: [
      "Short-lived debugging access opened by an engineer; ask them to use Session Manager, or limit the rule to their address.",
    ],
  },
  references: SECURITY_GROUP_REFERENCES,
  fixtures: {
    fire: [
      authorizeCall(INGRESS, { protocol: "tcp", from: 22, to: 22, source: "0.0.0.0/0" }),
      authorizeCall(INGRESS, { protocol: "6", from: 22, to: 22, source: "::/0" }),
      modifyCall({ protocol: "tcp", from: 22, to: 22, source: "0.0.0.0/0" }),
    ],
    quiet: [
      authorizeCall(INGRESS, { protocol: "tcp", from: 22, to: 22, source: "198.51.100.0/24" }),
      authorizeCall(INGRESS, { protocol: "tcp", from: 22, to: 22, source: "0.0.0.0/0" }, true),
      modifyCall({ protocol: "tcp", from: 22, to: 22, source: "10.20.0.0/16" }),
    ],
  },
};
