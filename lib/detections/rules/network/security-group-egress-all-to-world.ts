import type { TrailRule } from "../../rule";
import { authorizeCall } from "./security-group-fixtures";
import { securityGroupOf, worldExposures } from "./security-group-permissions";

const EGRESS = "AuthorizeSecurityGroupEgress";

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "security-group-egress-all-to-world",
  version: 1,
  title: "Outbound traffic to the internet allowed on every port",
  severity: 3,
  description:
    "An outbound security group rule now allows every protocol or every port to 0.0.0.0/0 or ::/0: hosts using the group can reach any internet address on any port, which is what data theft and command-and-control channels need.",
  tactic: "exfiltration",
  techniques: ["T1048", "T1562.007"],
  events: [EGRESS],
  match: (e) => e.ok && worldExposures(e).has("all"),
  resource: securityGroupOf,
  runbook: {
    check: [
      "Whether the group had restricted outbound rules before (CloudTrail RevokeSecurityGroupEgress, or the group in infrastructure code).",
      "What the hosts behind the group sent out since: VPC Flow Logs to new internet destinations and ports.",
    ],
    contain: ["Revoke the rule (RevokeSecurityGroupEgress) and allow only the destinations the workload needs."],
    falsePositives: [
      "Terraform and CloudFormation remove a new group's default egress rule and add it back, and groups created for general-purpose hosts keep it; add an exception for the deployment role or those groups.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupEgress.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
  ],
  fixtures: {
    fire: [
      authorizeCall(EGRESS, { protocol: "-1", from: -1, to: -1, source: "0.0.0.0/0" }),
      authorizeCall(EGRESS, { protocol: "tcp", from: 0, to: 65535, source: "::/0" }),
    ],
    quiet: [
      authorizeCall(EGRESS, { protocol: "tcp", from: 443, to: 443, source: "0.0.0.0/0" }),
      authorizeCall(EGRESS, { protocol: "-1", from: -1, to: -1, source: "10.0.0.0/8" }),
      authorizeCall(EGRESS, { protocol: "-1", from: -1, to: -1, source: "0.0.0.0/0" }, true),
    ],
  },
};
