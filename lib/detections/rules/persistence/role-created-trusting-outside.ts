import { assumedRole, FIXTURE } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "../privilege-escalation/shared";
import { serviceTrust, trustPolicy, trustsOutside } from "./shared";

const iam = call("iam");

const createRole = (assumeRolePolicyDocument: string, errorCode?: string) =>
  iam(
    "CreateRole",
    { roleName: "audit-readonly", assumeRolePolicyDocument, maxSessionDuration: 3600 },
    {
      userIdentity: assumedRole("ops", "paula"),
      errorCode,
      responseElements: errorCode
        ? null
        : {
            role: {
              path: "/",
              roleName: "audit-readonly",
              roleId: "AROADBQP57FF2AEXAMPLE",
              arn: `arn:aws:iam::${FIXTURE.account}:role/audit-readonly`,
              createDate: "Nov 20, 2026 10:05:00 AM",
              assumeRolePolicyDocument: encodeURIComponent(assumeRolePolicyDocument),
            },
          },
    },
  );

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "role-created-trusting-outside",
  version: 1,
  title: "Role created that another account or anyone can assume",
  severity: 3,
  description:
    'CreateRole made a role whose trust policy lets a principal in another AWS account, or "*" (any AWS principal), assume it. Whoever controls that account can act here with the role\'s permissions.',
  tactic: "persistence",
  techniques: ["T1098.003"],
  events: ["CreateRole"],
  match: (e) => e.ok && trustsOutside(e, "assumeRolePolicyDocument"),
  resource: (e) => ({ type: "AwsIamRole", id: e.param("roleName") || null }),
  runbook: {
    check: [
      "Which outside account the role trusts, whether it is yours or a known vendor's, and which policies were attached to the role next.",
      "Whether the trust has an sts:ExternalId condition (usual for vendors) and AssumeRole events for the role since.",
    ],
    contain: ["Delete the role, or restrict its trust policy to known accounts, and revoke its active sessions."],
    falsePositives: [
      "Vendor integrations and roles for your other accounts created by infrastructure code; add an exception for the deploying role or the trusted account.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html",
  ],
  fixtures: {
    fire: [
      createRole(trustPolicy(`arn:aws:iam::${FIXTURE.otherAccount}:user/backup-bot`)),
      createRole(trustPolicy("*")),
    ],
    quiet: [
      createRole(serviceTrust("ec2.amazonaws.com")),
      createRole(trustPolicy(`arn:aws:iam::${FIXTURE.account}:root`)),
      createRole(trustPolicy(`arn:aws:iam::${FIXTURE.otherAccount}:root`), "AccessDenied"),
    ],
  },
};
