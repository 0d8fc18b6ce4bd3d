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
  id: "security-group-all-traffic-open-to-world",
  version: 1,
  title: "All inbound traffic allowed from the internet in a security group",
  severity: 4,
  description:
    "An inbound security group rule now allows every protocol (-1) or every TCP/UDP port from 0.0.0.0/0 or ::/0: the group no longer filters anything from the internet.",
  tactic: "initial-access",
  techniques: ["T1562.007", "T1190"],
  events: [...SECURITY_GROUP_EVENTS],
  match: (e) => e.ok && worldExposures(e).has("all"),
  resource: securityGroupOf,
  runbook: {
    check: [
      "Which resources use the group and which services they listen on.",
      "Who made the change and whether the same principal changed other groups, routes or network ACLs around the same time.",
    ],
    contain: [
      "Revoke the rule at once and restore the group from infrastructure code.",
      "Review the attached hosts for inbound connections and new processes since the change.",
    ],
    falsePositives: [
      "ModifySecurityGroupRules does not say whether the rule is inbound or outbound: editing a default all-traffic egress rule looks the same. Check the rule id (DescribeSecurityGroupRules) and add an exception for that group.",
    ],
  },
  references: SECURITY_GROUP_REFERENCES,
  fixtures: {
    fire: [
      authorizeCall(INGRESS, { protocol: "-1", from: -1, to: -1, source: "0.0.0.0/0" }),
      authorizeCall(INGRESS, { protocol: "tcp", from: 0, to: 65535, source: "::/0" }),
      modifyCall({ protocol: "-1", from: -1, to: -1, source: "0.0.0.0/0" }),
    ],
    quiet: [
      authorizeCall(INGRESS, { protocol: "-1", from: -1, to: -1, source: "10.0.0.0/8" }),
      authorizeCall(INGRESS, { protocol: "-1", from: -1, to: -1, source: "sg-0f3a9c2b7d1e45a60" }),
      authorizeCall(INGRESS, { protocol: "-1", from: -1, to: -1, source: "0.0.0.0/0" }, true),
    ],
  },
};
