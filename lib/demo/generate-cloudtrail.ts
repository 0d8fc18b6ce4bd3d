import type { World } from "./aws-world";
import { type CloudTrailRecord, cloudTrailRecord, cloudTrailTime, iamUserIdentity } from "./cloudtrail-record";
import { auditRead, autoScalingServiceRole, ec2Describe, kmsDecrypt, s3DataEvent } from "./cloudtrail-service-events";
import type { Random } from "./random";

type Instance = World["instances"][number];
/** One background event family: `inst` is the instance drawn for this event (drawn for every family). */
type Family = (r: Random, w: World, t: number, inst: Instance) => CloudTrailRecord;

function assumeRole(r: Random, w: World, t: number): CloudTrailRecord {
  const u = r.pick(w.users);
  const role = r.pick(w.roles);
  return cloudTrailRecord(r, t, u.account, "us-east-1", {
    userIdentity: iamUserIdentity(u),
    eventSource: "sts.amazonaws.com",
    eventName: "AssumeRole",
    sourceIPAddress: r.pick(w.officeIps),
    userAgent: "aws-cli/2.15.0",
    requestParameters: {
      roleArn: `arn:aws:iam::${role.account}:role/${role.name}`,
      roleSessionName: u.name,
      durationSeconds: 3600,
    },
    responseElements: {
      credentials: { accessKeyId: `ASIA${r.upper(16)}`, expiration: cloudTrailTime(t + 3600_000) },
      assumedRoleUser: { arn: `arn:aws:sts::${role.account}:assumed-role/${role.name}/${u.name}` },
    },
    resources: [
      { ARN: `arn:aws:iam::${role.account}:role/${role.name}`, accountId: role.account, type: "AWS::IAM::Role" },
    ],
  });
}

function iamRead(r: Random, w: World, t: number): CloudTrailRecord {
  const u = r.pick(w.users);
  return cloudTrailRecord(r, t, u.account, "us-east-1", {
    userIdentity: iamUserIdentity(u),
    eventSource: "iam.amazonaws.com",
    eventName: r.pick(["ListUsers", "GetUser", "ListRoles", "GetPolicy", "ListAttachedRolePolicies"]),
    sourceIPAddress: r.pick(w.officeIps),
    userAgent: "console.amazonaws.com",
    requestParameters: r.chance(0.5) ? { maxItems: r.pick([100, "100"]) } : null,
  });
}

function accessDenied(r: Random, w: World, t: number): CloudTrailRecord {
  const u = r.pick(w.users);
  return cloudTrailRecord(r, t, u.account, "us-east-1", {
    userIdentity: iamUserIdentity(u),
    eventSource: r.pick(["s3.amazonaws.com", "iam.amazonaws.com", "ec2.amazonaws.com"]),
    eventName: r.pick(["ListBuckets", "CreateUser", "TerminateInstances", "GetBucketPolicy"]),
    sourceIPAddress: r.pick(w.officeIps),
    userAgent: "aws-cli/2.15.0",
    errorCode: "AccessDenied",
    errorMessage: `User: arn:aws:iam::${u.account}:user/${u.name} is not authorized to perform this action`,
  });
}

function consoleLogin(r: Random, w: World, t: number): CloudTrailRecord {
  const u = r.pick(w.users);
  return cloudTrailRecord(r, t, u.account, "us-east-1", {
    userIdentity: {
      type: "IAMUser",
      principalId: u.principalId,
      arn: `arn:aws:iam::${u.account}:user/${u.name}`,
      accountId: u.account,
      userName: u.name,
    },
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    sourceIPAddress: r.pick(w.officeIps),
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)",
    readOnly: false,
    eventType: "AwsConsoleSignIn",
    responseElements: { ConsoleLogin: "Success" },
    additionalEventData: {
      LoginTo: "https://console.aws.amazon.com/console/home",
      MobileVersion: "No",
      MFAUsed: u.mfa ? "Yes" : "No",
    },
  });
}

/** Each family up to its cumulative share of the background (the last one takes the rest). */
const FAMILIES: [upTo: number, family: Family][] = [
  [0.3, s3DataEvent],
  [0.45, ec2Describe],
  [0.55, assumeRole],
  [0.65, iamRead],
  [0.72, kmsDecrypt],
  [0.76, autoScalingServiceRole],
  [0.8, accessDenied],
  [0.81, consoleLogin],
  [1, auditRead],
];

/** One ordinary event: the steady background of an AWS estate. */
export function normalEvent(r: Random, w: World, t: number): CloudTrailRecord {
  const x = r.next();
  const inst = r.pick(w.instances);
  const [, family] = FAMILIES.find(([upTo]) => x < upTo) ?? (FAMILIES.at(-1) as [number, Family]);
  return family(r, w, t, inst);
}
