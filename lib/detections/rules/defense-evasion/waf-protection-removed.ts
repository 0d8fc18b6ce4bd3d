import { FIXTURE } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, DENIED, okFrom } from "./shared";

const WAF_SOURCES = ["wafv2.amazonaws.com", "waf.amazonaws.com", "waf-regional.amazonaws.com"];
const ACL_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
const ACL_ARN = `arn:aws:wafv2:${FIXTURE.region}:${FIXTURE.account}:regional/webacl/prod-web-acl/${ACL_ID}`;
const ALB_ARN = `arn:aws:elasticloadbalancing:${FIXTURE.region}:${FIXTURE.account}:loadbalancer/app/web/50dc6c495c0c9188`;

const target = (e: TrailEvent): string | null =>
  e.param("resourceArn") || e.param("name") || e.param("webACLId") || e.param("id") || null;

const waf = (eventName: string, params: Record<string, unknown>, more = {}) =>
  apiCall("wafv2.amazonaws.com", eventName, params, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "waf-protection-removed",
  version: 1,
  title: "WAF web ACL deleted, detached or its logging removed",
  severity: 3,
  description:
    "DeleteWebACL or DisassociateWebACL left a load balancer, API or distribution without its web application firewall, or DeleteLoggingConfiguration stopped the web ACL's request logs.",
  tactic: "defense-evasion",
  techniques: ["T1562.007", "T1562.008"],
  events: ["DeleteWebACL", "DisassociateWebACL", "DeleteLoggingConfiguration"],
  match: (e) => okFrom(e, ...WAF_SOURCES),
  resource: (e) => ({
    type: e.name === "DisassociateWebACL" ? "AwsProtectedResource" : "AwsWafWebAcl",
    id: target(e),
  }),
  runbook: {
    check: [
      "Which application lost its protection or request logs, and whether it is internet-facing.",
      "Look at the application's traffic after the change (load balancer logs, flow logs) for attacks the rules used to block.",
    ],
    contain: [
      "Re-associate the web ACL (AssociateWebACL) or redeploy it, and restore logging (PutLoggingConfiguration).",
    ],
    falsePositives: [
      "Replacing a web ACL with a new one or tearing down an application; expect an AssociateWebACL or a stack deletion nearby.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/waf/latest/APIReference/API_DeleteWebACL.html",
    "https://docs.aws.amazon.com/waf/latest/APIReference/API_DisassociateWebACL.html",
    "https://docs.aws.amazon.com/waf/latest/APIReference/API_DeleteLoggingConfiguration.html",
  ],
  fixtures: {
    fire: [
      waf("DeleteWebACL", {
        name: "prod-web-acl",
        scope: "REGIONAL",
        id: ACL_ID,
        lockToken: "e0b1c2d3-4f56-4789-8abc-def012345678",
      }),
      waf("DisassociateWebACL", { resourceArn: ALB_ARN }),
      waf("DeleteLoggingConfiguration", { resourceArn: ACL_ARN }),
    ],
    quiet: [
      waf("AssociateWebACL", { webACLArn: ACL_ARN, resourceArn: ALB_ARN }),
      waf("DisassociateWebACL", { resourceArn: ALB_ARN }, DENIED),
    ],
  },
};
