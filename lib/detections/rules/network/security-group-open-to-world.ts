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
  id: "security-group-open-to-world",
  version: 2,
  title: "Security group opened to the internet",
  severity: 3,
  description:
    "An inbound security group rule now allows 0.0.0.0/0 or ::/0 on a port that has no rule of its own (SSH, RDP, database ports and all-traffic rules raise their own, higher-severity findings).",
  tactic: "initial-access",
  techniques: ["T1562.007", "T1190"],
  events: [...SECURITY_GROUP_EVENTS],
  match: (e) => e.ok && worldExposures(e).has("other"),
  resource: securityGroupOf,
  runbook: {
    check: [
      "Which port was opened and what runs behind the group: list the instances, load balancers and interfaces that use it.",
      "Whether the change came from the usual deployment pipeline or from a person or unfamiliar address.",
    ],
    contain: [
      "Revoke the rule (RevokeSecurityGroupIngress) or narrow it to known address ranges.",
      "Check the attached hosts' logs for connections from the internet since the change.",
    ],
    falsePositives: [
      "Public web front ends (80/443 on a load balancer's group) are opened on purpose; add an exception for those groups.",
    ],
  },
  references: SECURITY_GROUP_REFERENCES,
  fixtures: {
    fire: [
      authorizeCall(INGRESS, { protocol: "tcp", from: 443, to: 443, source: "0.0.0.0/0" }),
      modifyCall({ protocol: "tcp", from: 8080, to: 8080, source: "::/0" }),
      authorizeCall(INGRESS, { protocol: "icmp", from: -1, to: -1, source: "0.0.0.0/0" }),
    ],
    quiet: [
      authorizeCall(INGRESS, { protocol: "tcp", from: 443, to: 443, source: "10.0.0.0/8" }),
      authorizeCall(INGRESS, { protocol: "tcp", from: 443, to: 443, source: "0.0.0.0/0" }, true),
      authorizeCall(INGRESS, { protocol: "tcp", from: 443, to: 443, source: "sg-0b1c2d3e4f5a6b7c8" }),
      authorizeCall("AuthorizeSecurityGroupEgress", { protocol: "tcp", from: 443, to: 443, source: "0.0.0.0/0" }),
    ],
  },
};
