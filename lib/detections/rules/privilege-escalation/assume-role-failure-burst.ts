import { FIXTURE, iamUser, trailRecord } from "../../fixtures";
import type { ThresholdRule } from "../../rule";

const ROLES = ["admin", "OrganizationAccountAccessRole", "breakglass", "deploy", "security-audit", "billing"];

/** `n` times from `start`, `step` seconds apart, as CloudTrail writes them. */
const times = (start: string, n: number, step: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(start) + i * step * 1000).toISOString().replace(".000Z", "Z"),
  );

/** AssumeRole attempts by one user against roles here and in another account (refused unless `ok`). */
const attempts = (start: string, n: number, step: number, who = "intern", ok = false) =>
  times(start, n, step).map((eventTime, i) => {
    const account = i % 2 ? FIXTURE.otherAccount : FIXTURE.account;
    const roleArn = `arn:aws:iam::${account}:role/${ROLES[i % ROLES.length]}`;
    return trailRecord({
      eventSource: "sts.amazonaws.com",
      eventName: "AssumeRole",
      eventTime,
      userIdentity: iamUser(who),
      sourceIPAddress: "198.51.100.70",
      requestParameters: { roleArn, roleSessionName: `${who}-${i}` },
      ...(ok
        ? {
            responseElements: {
              assumedRoleUser: { arn: roleArn.replace(":iam:", ":sts:"), assumedRoleId: `AROA${i}` },
            },
          }
        : {
            errorCode: "AccessDenied",
            errorMessage: `User is not authorized to perform: sts:AssumeRole on ${roleArn}`,
          }),
    });
  });

const fire = attempts("2026-11-20T07:55:00Z", 12, 30);

export const rule: ThresholdRule = {
  kind: "threshold",
  id: "assume-role-failure-burst",
  version: 1,
  title: "Burst of failed role assumptions by one principal",
  severity: 3,
  description:
    "One principal failed to assume roles ten or more times within 10 minutes: guessing which roles, here or in other accounts, trust it, in search of more privilege.",
  tactic: "privilege-escalation",
  techniques: ["T1078.004", "T1087.004"],
  table: "cloudtrail",
  where: () =>
    "event_source = 'sts.amazonaws.com' AND event_name = 'AssumeRole' AND error_code IS NOT NULL AND coalesce(source_ip_is_service, false) = false",
  key: () => "coalesce(user_arn, principal_id, '?')",
  threshold: 10,
  windowMinutes: 10,
  runbook: {
    check: [
      "Which role ARNs were tried: many names, or accounts you do not own, point to guessing rather than a misconfiguration.",
      "Whether any assumption by the same principal succeeded around the burst, and what that session did.",
    ],
    contain: ["Deactivate the principal's credentials and review the trust policies of the roles that were tried."],
    falsePositives: [
      "A tool retrying one role whose trust policy was just changed: the same role ARN again and again; fix the trust policy.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html",
  ],
  fixtures: {
    // Twelve refused assumptions in under 6 minutes, over two files and across 08:00.
    fire: { objects: [fire.slice(0, 5), fire.slice(5)] },
    quiet: {
      objects: [
        // One under the threshold; twelve 70 seconds apart (nine at most in 10 minutes); twelve that succeeded.
        attempts("2026-11-20T06:20:00Z", 9, 30),
        attempts("2026-11-20T09:00:00Z", 12, 70),
        attempts("2026-11-20T10:30:00Z", 12, 20, "intern", true),
        // Six refusals each by two users.
        [...attempts("2026-11-20T11:10:00Z", 6, 30, "ana"), ...attempts("2026-11-20T11:10:10Z", 6, 30, "ben")],
      ],
    },
  },
};
