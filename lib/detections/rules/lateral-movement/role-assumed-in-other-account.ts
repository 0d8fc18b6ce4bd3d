import { assumedRole, FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { accountOfArn } from "./shared";

const assume = (roleArn: string, opts: { userIdentity?: Record<string, unknown>; errorCode?: string } = {}) =>
  trailRecord({
    eventSource: "sts.amazonaws.com",
    eventName: "AssumeRole",
    userIdentity: opts.userIdentity ?? assumedRole("data-sync", "nightly"),
    requestParameters: { roleArn, roleSessionName: "nightly", durationSeconds: 3600 },
    responseElements: opts.errorCode
      ? null
      : {
          credentials: {
            accessKeyId: "ASIAOTHERACCOUNT0001",
            sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE",
            expiration: "Nov 20, 2026, 11:05:00 AM",
          },
          assumedRoleUser: {
            assumedRoleId: "AROAOTHERACCOUNTROLE:nightly",
            arn: `arn:aws:sts::${accountOfArn(roleArn)}:assumed-role/${roleArn.split("/").pop()}/nightly`,
          },
        },
    resources: [{ accountId: accountOfArn(roleArn), type: "AWS::IAM::Role", ARN: roleArn }],
    ...(opts.errorCode ? { errorCode: opts.errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "role-assumed-in-other-account",
  version: 1,
  title: "Principal assumed a role in another AWS account",
  severity: 2,
  description:
    "A principal of this account assumed a role that belongs to a different account. Stolen credentials are used this way to reach the other accounts they are trusted by, or to hand work to an account the attacker controls.",
  tactic: "lateral-movement",
  techniques: ["T1078.004", "T1550.001"],
  // Hub-and-spoke automation and people working across an organization's accounts do this all day:
  // ships off, to be backtested and given exceptions for known account pairs before it is turned on.
  enabledByDefault: false,
  events: ["AssumeRole"],
  match: (e) => {
    if (!e.ok || e.userType === "AWSService") return false;
    const home = String(e.row.recipient_account_id ?? "");
    const target = accountOfArn(e.param("roleArn"));
    return target !== "" && home !== "" && target !== home && e.row.user_account_id === home;
  },
  dedup: { key: (e) => `${e.actor}|${e.param("roleArn")}`, windowMinutes: 24 * 60 },
  resource: (e) => ({ type: "AwsIamRole", id: e.param("roleArn") || null }),
  runbook: {
    check: [
      "Whether the target account belongs to the organization and the principal is expected to work there.",
      "What the session did in the other account (its trail, by the assumed-role session name).",
    ],
    contain: [
      "Revoke the role's active sessions in the target account and remove the trust if it is not needed; rotate the calling principal's credentials.",
    ],
    falsePositives: [
      "Hub-and-spoke automation and engineers moving between accounts of the organization; add exceptions for known account pairs or roles.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html",
  ],
  fixtures: {
    fire: [assume(`arn:aws:iam::${FIXTURE.otherAccount}:role/partner-export`)],
    quiet: [
      assume(`arn:aws:iam::${FIXTURE.account}:role/reporting`),
      assume(`arn:aws:iam::${FIXTURE.otherAccount}:role/partner-export`, { errorCode: "AccessDenied" }),
      assume(`arn:aws:iam::${FIXTURE.account}:role/reporting`, {
        userIdentity: { type: "AWSAccount", principalId: "AIDAOTHERACCOUNTUSER", accountId: FIXTURE.otherAccount },
      }),
    ],
  },
};
