import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";

/** The CIS AWS Foundations baseline for IAM user passwords. */
const BASELINE_LENGTH = 14;
/** What AWS uses when the parameter is left out (the call is not a partial update). */
const AWS_DEFAULT_LENGTH = 6;

function minimumLength(e: TrailEvent): number {
  const v = e.req?.minimumPasswordLength;
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : AWS_DEFAULT_LENGTH;
}

const update = (params: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "iam.amazonaws.com",
    eventName: "UpdateAccountPasswordPolicy",
    requestParameters: params,
    ...(errorCode ? { errorCode } : {}),
  });

const STRONG = {
  minimumPasswordLength: 16,
  requireSymbols: true,
  requireNumbers: true,
  requireUppercaseCharacters: true,
  requireLowercaseCharacters: true,
  allowUsersToChangePassword: true,
  passwordReusePrevention: 24,
};

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "password-policy-below-baseline",
  version: 1,
  title: "Account password policy set below 14 characters",
  severity: 3,
  description:
    "UpdateAccountPasswordPolicy set a minimum IAM user password length under 14 characters (a parameter left out falls back to AWS's default of 6), making guessed and sprayed passwords more likely to work.",
  tactic: "credential-access",
  techniques: ["T1556", "T1110"],
  events: ["UpdateAccountPasswordPolicy"],
  match: (e) => e.ok && minimumLength(e) < BASELINE_LENGTH,
  runbook: {
    check: [
      "The new settings in requestParameters compared with the policy the platform team maintains, and who made the change.",
      "Whether password changes or new console users followed soon after.",
    ],
    contain: ["Put the standard policy back (UpdateAccountPasswordPolicy from infrastructure code)."],
    falsePositives: [
      "Accounts that deliberately keep the AWS defaults because nobody signs in with IAM passwords; add an exception for those accounts.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
  ],
  fixtures: {
    fire: [update({ ...STRONG, minimumPasswordLength: 8 }), update({ requireNumbers: true })],
    quiet: [update(STRONG), update({ ...STRONG, minimumPasswordLength: 6 }, "AccessDenied")],
  },
};
