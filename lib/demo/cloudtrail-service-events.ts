import type { World } from "./aws-world";
import { assumedRoleIdentity, type CloudTrailRecord, cloudTrailRecord } from "./cloudtrail-record";
import type { Random } from "./random";

type Instance = World["instances"][number];
type Role = World["roles"][number];

/** An application role reading and writing objects from an instance (S3 data events). */
export function s3DataEvent(r: Random, w: World, t: number, inst: Instance): CloudTrailRecord {
  const role = w.roles[1] as Role;
  const bucket = r.pick(w.buckets);
  const name = r.pick(["GetObject", "PutObject", "ListObjects", "HeadObject"]);
  return cloudTrailRecord(r, t, inst.account, inst.region, {
    userIdentity: assumedRoleIdentity(r, role, inst.id),
    eventSource: "s3.amazonaws.com",
    eventName: name,
    sourceIPAddress: inst.publicIp,
    userAgent: "aws-sdk-java/2.25.0",
    readOnly: name !== "PutObject",
    managementEvent: false,
    eventCategory: "Data",
    requestParameters: {
      bucketName: bucket,
      key: `data/${r.int(2020, 2026)}/${r.hex(8)}.parquet`,
      Host: `${bucket}.s3.amazonaws.com`,
    },
    resources: [
      { type: "AWS::S3::Object", ARN: `arn:aws:s3:::${bucket}/data` },
      { accountId: inst.account, type: "AWS::S3::Bucket", ARN: `arn:aws:s3:::${bucket}` },
    ],
  });
}

/** The CI role describing the estate. */
export function ec2Describe(r: Random, w: World, t: number): CloudTrailRecord {
  const role = w.roles[0] as Role;
  return cloudTrailRecord(r, t, role.account, r.pick(w.regions), {
    userIdentity: assumedRoleIdentity(r, role, `build-${r.int(1000, 9999)}`),
    eventSource: "ec2.amazonaws.com",
    eventName: r.pick(["DescribeInstances", "DescribeSecurityGroups", "DescribeVolumes", "DescribeSubnets"]),
    sourceIPAddress: "34.228.10.20",
    userAgent: "aws-cli/2.15.0",
    requestParameters: { maxResults: r.pick([100, "100", 50]), filterSet: {} },
  });
}

/** The data pipeline's Glue job decrypting with KMS. */
export function kmsDecrypt(r: Random, w: World, t: number): CloudTrailRecord {
  const role = w.roles[2] as Role;
  return cloudTrailRecord(r, t, role.account, r.pick(w.regions), {
    userIdentity: assumedRoleIdentity(r, role, "glue-job"),
    eventSource: "kms.amazonaws.com",
    eventName: "Decrypt",
    sourceIPAddress: "glue.amazonaws.com",
    userAgent: "glue.amazonaws.com",
    requestParameters: { encryptionAlgorithm: "SYMMETRIC_DEFAULT" },
    resources: [
      {
        accountId: role.account,
        type: "AWS::KMS::Key",
        ARN: `arn:aws:kms:us-east-1:${role.account}:key/${r.uuid()}`,
      },
    ],
  });
}

/** Auto Scaling assuming its service-linked role in the instance's account. */
export function autoScalingServiceRole(r: Random, _w: World, t: number, inst: Instance): CloudTrailRecord {
  return cloudTrailRecord(r, t, inst.account, inst.region, {
    userIdentity: { type: "AWSService", invokedBy: "autoscaling.amazonaws.com" },
    eventSource: "sts.amazonaws.com",
    eventName: "AssumeRole",
    sourceIPAddress: "autoscaling.amazonaws.com",
    userAgent: "autoscaling.amazonaws.com",
    eventType: "AwsServiceEvent",
    requestParameters: {
      roleArn: `arn:aws:iam::${inst.account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
      roleSessionName: "AutoScaling",
    },
  });
}

/** The security-audit role reading the security services' configuration. */
export function auditRead(r: Random, w: World, t: number): CloudTrailRecord {
  const role = w.roles[3] as Role;
  return cloudTrailRecord(r, t, role.account, r.pick(w.regions), {
    userIdentity: assumedRoleIdentity(r, role, "audit"),
    eventSource: r.pick(["config.amazonaws.com", "cloudtrail.amazonaws.com", "guardduty.amazonaws.com"]),
    eventName: r.pick(["DescribeConfigRules", "DescribeTrails", "ListDetectors", "GetFindings"]),
    sourceIPAddress: "securityhub.amazonaws.com",
    userAgent: "securityhub.amazonaws.com",
  });
}
