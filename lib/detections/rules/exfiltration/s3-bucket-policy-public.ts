import { FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { allowsEveryone, policyOf } from "./shared";

const BUCKET = "acme-customer-exports";

const statement = (principal: unknown, condition?: Record<string, unknown>) => ({
  Sid: "Read",
  Effect: "Allow",
  Principal: principal,
  Action: "s3:GetObject",
  Resource: `arn:aws:s3:::${BUCKET}/*`,
  ...(condition ? { Condition: condition } : {}),
});

const putPolicy = (stmt: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "s3.amazonaws.com",
    eventName: "PutBucketPolicy",
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      policy: "",
      bucketPolicy: { Version: "2012-10-17", Statement: [stmt] },
    },
    additionalEventData: { SignatureVersion: "SigV4", AuthenticationMethod: "AuthHeader" },
    resources: [{ ARN: `arn:aws:s3:::${BUCKET}`, accountId: FIXTURE.account, type: "AWS::S3::Bucket" }],
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "s3-bucket-policy-public",
  version: 1,
  title: "S3 bucket policy grants access to everyone",
  severity: 4,
  description:
    'A bucket policy was set with an Allow statement for the wildcard principal ("*") and no condition that narrows who may call it: anyone on the internet can use the granted actions on the bucket.',
  tactic: "exfiltration",
  techniques: ["T1530", "T1537"],
  events: ["PutBucketPolicy"],
  match: (e) => e.ok && e.source === "s3.amazonaws.com" && allowsEveryone(policyOf(e.req?.bucketPolicy)),
  resource: (e) => ({ type: "AwsS3Bucket", id: e.param("bucketName") || null }),
  runbook: {
    check: [
      "Read the statement: which actions (read, write, list, delete) the wildcard principal got and on which prefix.",
      "Whether the bucket is meant to serve public content (a website or download bucket) and whether Block Public Access was turned off just before.",
    ],
    contain: [
      "Restore the previous policy or delete it (DeleteBucketPolicy), and turn Block Public Access back on for the bucket.",
      "Check S3 server access or data event logs for reads from unknown addresses since the change.",
    ],
    falsePositives: [
      "Static website and public download buckets; keep them in a dedicated account or add an exception for the bucket.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
  ],
  fixtures: {
    fire: [putPolicy(statement("*")), putPolicy(statement({ AWS: "*" }, { Bool: { "aws:SecureTransport": "true" } }))],
    quiet: [
      putPolicy(statement("*", { StringEquals: { "aws:SourceVpce": "vpce-0a1b2c3d4e5f60718" } })),
      putPolicy(statement({ AWS: `arn:aws:iam::${FIXTURE.account}:role/reporting` })),
      putPolicy(statement("*"), "AccessDenied"),
    ],
  },
};
