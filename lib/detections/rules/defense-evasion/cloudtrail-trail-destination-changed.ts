import { FIXTURE } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, arnAccount, DENIED, okFrom } from "./shared";

const TRAIL = `arn:aws:cloudtrail:${FIXTURE.region}:${FIXTURE.account}:trail/org-trail`;
const keyIn = (account: string) => `arn:aws:kms:${FIXTURE.region}:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** Where the trail's logs go, or how they are sealed, moved somewhere the account may not control. */
function redirects(e: TrailEvent): boolean {
  const req = e.req;
  if (!req) return false;
  if (typeof req.s3BucketName === "string" && req.s3BucketName !== "") return true;
  if (req.cloudWatchLogsLogGroupArn === "") return true;
  if (req.kmsKeyId === "") return true;
  const keyAccount = typeof req.kmsKeyId === "string" ? arnAccount(req.kmsKeyId) : null;
  return keyAccount !== null && keyAccount !== e.row.recipient_account_id;
}

const updateTrail = (params: Record<string, unknown>, more = {}) =>
  apiCall("cloudtrail.amazonaws.com", "UpdateTrail", { name: TRAIL, ...params }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "cloudtrail-trail-destination-changed",
  version: 1,
  title: "CloudTrail log delivery redirected or unencrypted",
  severity: 4,
  description:
    "UpdateTrail pointed the trail at another S3 bucket, removed its CloudWatch Logs delivery, removed its KMS encryption or switched to a KMS key of another account: logs may now land where the defenders do not look, or be unreadable to them.",
  tactic: "defense-evasion",
  techniques: ["T1562.008"],
  events: ["UpdateTrail"],
  match: (e) => okFrom(e, "cloudtrail.amazonaws.com") && redirects(e),
  resource: (e) => ({ type: "AwsCloudTrailTrail", id: e.param("name") || null }),
  runbook: {
    check: [
      "Who owns the new bucket or key (its account id), and whether the log pipeline still receives this trail's files.",
      "Whether the change matches a planned logging migration in infrastructure code.",
    ],
    contain: [
      "Point the trail back at the log archive bucket and key, and deny cloudtrail:UpdateTrail outside the platform role.",
      "Recover the files written meanwhile from the new destination if it is yours; otherwise treat the gap as lost logging.",
    ],
    falsePositives: [
      "Planned moves to a new log archive bucket or CMK; add a short-lived exception for the deploying role.",
      "Deployment tools that resend the unchanged bucket name on every trail update; add an exception for that pipeline role and bucket.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html",
  ],
  fixtures: {
    fire: [
      updateTrail({ s3BucketName: "trail-logs-archive-7731" }),
      updateTrail({ kmsKeyId: keyIn(FIXTURE.otherAccount) }),
      updateTrail({ kmsKeyId: "" }),
      updateTrail({ cloudWatchLogsLogGroupArn: "", cloudWatchLogsRoleArn: "" }),
    ],
    quiet: [
      updateTrail({ kmsKeyId: keyIn(FIXTURE.account) }),
      updateTrail({ s3BucketName: "trail-logs-archive-7731" }, DENIED),
      updateTrail({ s3KeyPrefix: "prod" }),
    ],
  },
};
