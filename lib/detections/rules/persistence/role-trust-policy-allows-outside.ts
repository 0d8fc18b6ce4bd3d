import { FIXTURE, iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "../privilege-escalation/shared";
import { serviceTrust, trustPolicy, trustsOutside } from "./shared";

const iam = call("iam");

const update = (policyDocument: string, errorCode?: string) =>
  iam(
    "UpdateAssumeRolePolicy",
    { roleName: "prod-deployer", policyDocument },
    { userIdentity: iamUser("oscar"), errorCode },
  );

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "role-trust-policy-allows-outside",
  version: 1,
  title: "Role trust policy opened to another account or to anyone",
  severity: 4,
  description:
    'UpdateAssumeRolePolicy rewrote a role\'s trust policy so that a principal in another AWS account, or "*" (any AWS principal), may assume it: a backdoor that survives the removal of every user and key in this account.',
  tactic: "persistence",
  techniques: ["T1098.003"],
  events: ["UpdateAssumeRolePolicy"],
  match: (e) => e.ok && trustsOutside(e, "policyDocument"),
  resource: (e) => ({ type: "AwsIamRole", id: e.param("roleName") || null }),
  runbook: {
    check: [
      "Which accounts the new trust policy names, and whether they belong to your organization or a known vendor.",
      "What the role may do, and AssumeRole events for it from outside accounts since the change.",
    ],
    contain: [
      "Restore the previous trust policy and revoke the role's active sessions (an inline deny on aws:TokenIssueTime).",
    ],
    falsePositives: [
      "Cross-account access for your own accounts or a vendor (usually with an sts:ExternalId condition); add an exception for the role once confirmed.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
  ],
  fixtures: {
    fire: [
      update(trustPolicy(`arn:aws:iam::${FIXTURE.otherAccount}:root`)),
      update(trustPolicy("*")),
      update(encodeURIComponent(trustPolicy(FIXTURE.otherAccount))),
    ],
    quiet: [
      update(trustPolicy(`arn:aws:iam::${FIXTURE.account}:role/ci-runner`)),
      update(trustPolicy("*", { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } })),
      update(serviceTrust("lambda.amazonaws.com")),
      update(trustPolicy(`arn:aws:iam::${FIXTURE.otherAccount}:root`), "AccessDenied"),
    ],
  },
};
