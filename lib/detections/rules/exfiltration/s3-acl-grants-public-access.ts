import { FIXTURE, iamUser, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { texts } from "./shared";

const BUCKET = "acme-finance-reports";
const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
const PUBLIC_CANNED = new Set(["public-read", "public-read-write", "authenticated-read"]);
const GRANT_HEADERS = [
  "x-amz-grant-read",
  "x-amz-grant-write",
  "x-amz-grant-read-acp",
  "x-amz-grant-write-acp",
  "x-amz-grant-full-control",
];

/** A canned ACL, an explicit grant header or an ACL document naming the everyone groups. */
function grantsPublic(e: TrailEvent): boolean {
  const req = e.req ?? {};
  if (texts(req["x-amz-acl"]).some((acl) => PUBLIC_CANNED.has(acl))) return true;
  const grants = [...GRANT_HEADERS.flatMap((h) => texts(req[h])), JSON.stringify(req.AccessControlPolicy ?? null)];
  return grants.some((g) => g.includes(ALL_USERS) || g.includes(AUTHENTICATED_USERS));
}

const aclPolicy = (uri: string, permission: string) => ({
  xmlns: "http://s3.amazonaws.com/doc/2006-03-01/",
  Owner: { ID: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" },
  AccessControlList: {
    Grant: [
      {
        Grantee: {
          "xsi:type": "CanonicalUser",
          ID: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
        },
        Permission: "FULL_CONTROL",
      },
      { Grantee: { "xsi:type": "Group", URI: uri }, Permission: permission },
    ],
  },
});

const bucketAcl = (body: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "s3.amazonaws.com",
    eventName: "PutBucketAcl",
    requestParameters: { bucketName: BUCKET, Host: `${BUCKET}.s3.us-east-1.amazonaws.com`, acl: "", ...body },
    resources: [{ ARN: `arn:aws:s3:::${BUCKET}`, accountId: FIXTURE.account, type: "AWS::S3::Bucket" }],
    ...(errorCode ? { errorCode } : {}),
  });

const objectAcl = (cannedAcl: string) =>
  trailRecord({
    eventSource: "s3.amazonaws.com",
    eventName: "PutObjectAcl",
    userIdentity: iamUser("dana"),
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      key: "2026/q3/payroll.csv",
      acl: "",
      "x-amz-acl": [cannedAcl],
    },
    resources: [
      { ARN: `arn:aws:s3:::${BUCKET}/2026/q3/payroll.csv`, type: "AWS::S3::Object" },
      { ARN: `arn:aws:s3:::${BUCKET}`, accountId: FIXTURE.account, type: "AWS::S3::Bucket" },
    ],
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "s3-acl-grants-public-access",
  version: 1,
  title: "S3 bucket or object ACL grants access to all users",
  severity: 4,
  description:
    "An S3 bucket or object ACL was set to grant the AllUsers or AuthenticatedUsers group (directly or with a public canned ACL): anyone, or any AWS account, can read or write it.",
  tactic: "exfiltration",
  techniques: ["T1530"],
  events: ["PutBucketAcl", "PutObjectAcl", "CreateBucket"],
  match: (e) => e.ok && e.source === "s3.amazonaws.com" && grantsPublic(e),
  resource: (e) => {
    const key = e.param("key");
    const bucket = e.param("bucketName");
    return key ? { type: "AwsS3Object", id: `${bucket}/${key}` } : { type: "AwsS3Bucket", id: bucket || null };
  },
  dedup: { key: (e) => `${e.actor}|${e.param("bucketName")}`, windowMinutes: 60 },
  runbook: {
    check: [
      "Which grant was added (READ, WRITE or FULL_CONTROL) and to which group; object ACLs show the object key.",
      "Whether the bucket's Block Public Access and Object Ownership settings were changed just before, since both normally stop public ACLs.",
    ],
    contain: [
      'Set the ACL back to private (PutBucketAcl or PutObjectAcl with "private") and turn on Block Public Access.',
      "Enforce bucket owner Object Ownership so ACLs stop applying at all.",
    ],
    falsePositives: [
      "Legacy publishing jobs that still use public-read ACLs; move them to a bucket policy on a dedicated public bucket, or add an exception for that bucket.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketAcl.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectAcl.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html",
  ],
  fixtures: {
    fire: [
      bucketAcl({ AccessControlPolicy: aclPolicy(ALL_USERS, "READ") }),
      bucketAcl({ "x-amz-acl": ["public-read-write"] }),
      objectAcl("public-read"),
    ],
    quiet: [
      bucketAcl({ AccessControlPolicy: aclPolicy("http://acs.amazonaws.com/groups/s3/LogDelivery", "WRITE") }),
      bucketAcl({ "x-amz-acl": ["public-read"] }, "AccessDenied"),
      objectAcl("bucket-owner-full-control"),
    ],
  },
};
