import { assumedRole, FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { accountOf, isForeign } from "./shared";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/9f8e7d6c-5b4a-4321-9876-0fedcba98765";

const createGrant = (grantee: string, errorCode?: string) =>
  trailRecord({
    eventSource: "kms.amazonaws.com",
    eventName: "CreateGrant",
    userIdentity: assumedRole("data-eng", "frank"),
    requestParameters: {
      keyId: KEY,
      granteePrincipal: grantee,
      operations: ["Decrypt", "DescribeKey", "CreateGrant"],
    },
    responseElements: errorCode
      ? null
      : { grantId: "0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60", keyId: KEY },
    resources: [{ accountId: FIXTURE.account, type: "AWS::KMS::Key", ARN: KEY }],
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "kms-grant-to-external-account",
  version: 1,
  title: "KMS grant given to a principal of another AWS account",
  severity: 3,
  description:
    "A grant on a KMS key was created for a principal in another AWS account, which can now use the key for the granted operations (typically to decrypt snapshots or data shared with it).",
  tactic: "exfiltration",
  techniques: ["T1537"],
  events: ["CreateGrant"],
  match: (e) => e.ok && e.source === "kms.amazonaws.com" && isForeign(e, accountOf(e.param("granteePrincipal"))),
  resource: (e) => ({ type: "AwsKmsKey", id: e.param("keyId") || null }),
  runbook: {
    check: [
      "Whether the grantee's account belongs to your organization, and which operations the grant allows.",
      "Whether snapshots, images or backups encrypted with this key were shared with the same account around the same time.",
    ],
    contain: [
      "Revoke the grant (RevokeGrant with the grant id from the response) and review the key's other grants (ListGrants).",
    ],
    falsePositives: [
      "Cross-account backup and snapshot copy jobs within your organization; add an exception for the receiving account.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html",
    "https://docs.aws.amazon.com/kms/latest/developerguide/grants.html",
  ],
  fixtures: {
    fire: [createGrant(`arn:aws:iam::${FIXTURE.otherAccount}:root`)],
    quiet: [
      createGrant(`arn:aws:iam::${FIXTURE.account}:role/ebs-backup`),
      createGrant(`arn:aws:iam::${FIXTURE.otherAccount}:root`, "AccessDeniedException"),
    ],
  },
};
