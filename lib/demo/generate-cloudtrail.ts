import type { World } from "./aws-world";
import type { Random } from "./random";

type Rec = Record<string, unknown>;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

function iamUser(u: World["users"][number]) {
  return {
    type: "IAMUser",
    principalId: u.principalId,
    arn: `arn:aws:iam::${u.account}:user/${u.name}`,
    accountId: u.account,
    accessKeyId: u.keyId,
    userName: u.name,
  };
}
function assumedRole(r: Random, role: World["roles"][number], session: string, mfa = false) {
  return {
    type: "AssumedRole",
    principalId: `AROA${role.name.length}EXAMPLE${role.name.toUpperCase().slice(0, 6)}:${session}`,
    arn: `arn:aws:sts::${role.account}:assumed-role/${role.name}/${session}`,
    accountId: role.account,
    accessKeyId: `ASIA${r.upper(16)}`,
    sessionContext: {
      sessionIssuer: {
        type: "Role",
        principalId: `AROA${role.name.toUpperCase().slice(0, 6)}`,
        arn: `arn:aws:iam::${role.account}:role/${role.name}`,
        accountId: role.account,
        userName: role.name,
      },
      attributes: { creationDate: "2026-01-01T00:00:00Z", mfaAuthenticated: String(mfa) },
    },
  };
}

function base(r: Random, t: number, account: string, region: string, rest: Rec): Rec {
  return {
    eventVersion: "1.09",
    eventTime: iso(t),
    awsRegion: region,
    requestID: r.uuid(),
    eventID: r.uuid(),
    readOnly: true,
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: "Management",
    ...rest,
  };
}

/** One ordinary event: the steady background of an AWS estate. */
export function normalEvent(r: Random, w: World, t: number): Rec {
  const x = r.next();
  const inst = r.pick(w.instances);
  if (x < 0.3) {
    const role = w.roles[1] as World["roles"][number];
    const bucket = r.pick(w.buckets);
    const name = r.pick(["GetObject", "PutObject", "ListObjects", "HeadObject"]);
    return base(r, t, inst.account, inst.region, {
      userIdentity: assumedRole(r, role, inst.id),
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
  if (x < 0.45) {
    const role = w.roles[0] as World["roles"][number];
    return base(r, t, role.account, r.pick(w.regions), {
      userIdentity: assumedRole(r, role, `build-${r.int(1000, 9999)}`),
      eventSource: "ec2.amazonaws.com",
      eventName: r.pick(["DescribeInstances", "DescribeSecurityGroups", "DescribeVolumes", "DescribeSubnets"]),
      sourceIPAddress: "34.228.10.20",
      userAgent: "aws-cli/2.15.0",
      requestParameters: { maxResults: r.pick([100, "100", 50]), filterSet: {} },
    });
  }
  if (x < 0.55) {
    const u = r.pick(w.users);
    const role = r.pick(w.roles);
    return base(r, t, u.account, "us-east-1", {
      userIdentity: iamUser(u),
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
        credentials: { accessKeyId: `ASIA${r.upper(16)}`, expiration: iso(t + 3600_000) },
        assumedRoleUser: { arn: `arn:aws:sts::${role.account}:assumed-role/${role.name}/${u.name}` },
      },
      resources: [
        { ARN: `arn:aws:iam::${role.account}:role/${role.name}`, accountId: role.account, type: "AWS::IAM::Role" },
      ],
    });
  }
  if (x < 0.65) {
    const u = r.pick(w.users);
    return base(r, t, u.account, "us-east-1", {
      userIdentity: iamUser(u),
      eventSource: "iam.amazonaws.com",
      eventName: r.pick(["ListUsers", "GetUser", "ListRoles", "GetPolicy", "ListAttachedRolePolicies"]),
      sourceIPAddress: r.pick(w.officeIps),
      userAgent: "console.amazonaws.com",
      requestParameters: r.chance(0.5) ? { maxItems: r.pick([100, "100"]) } : null,
    });
  }
  if (x < 0.72) {
    const role = w.roles[2] as World["roles"][number];
    return base(r, t, role.account, r.pick(w.regions), {
      userIdentity: assumedRole(r, role, "glue-job"),
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
  if (x < 0.76) {
    return base(r, t, inst.account, inst.region, {
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
  if (x < 0.8) {
    const u = r.pick(w.users);
    return base(r, t, u.account, "us-east-1", {
      userIdentity: iamUser(u),
      eventSource: r.pick(["s3.amazonaws.com", "iam.amazonaws.com", "ec2.amazonaws.com"]),
      eventName: r.pick(["ListBuckets", "CreateUser", "TerminateInstances", "GetBucketPolicy"]),
      sourceIPAddress: r.pick(w.officeIps),
      userAgent: "aws-cli/2.15.0",
      errorCode: "AccessDenied",
      errorMessage: `User: arn:aws:iam::${u.account}:user/${u.name} is not authorized to perform this action`,
    });
  }
  if (x < 0.81) {
    const u = r.pick(w.users);
    return base(r, t, u.account, "us-east-1", {
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
  const role = w.roles[3] as World["roles"][number];
  return base(r, t, role.account, r.pick(w.regions), {
    userIdentity: assumedRole(r, role, "audit"),
    eventSource: r.pick(["config.amazonaws.com", "cloudtrail.amazonaws.com", "guardduty.amazonaws.com"]),
    eventName: r.pick(["DescribeConfigRules", "DescribeTrails", "ListDetectors", "GetFindings"]),
    sourceIPAddress: "securityhub.amazonaws.com",
    userAgent: "securityhub.amazonaws.com",
  });
}

/** Short attack stories, each tripping one built-in detection. */
export function attackStory(r: Random, w: World, t: number, kind: number): Rec[] {
  const victim = w.users[3] as World["users"][number];
  const attacker = r.pick(w.attackerIps);
  const acct = victim.account;
  const as = (eventName: string, eventSource: string, rest: Rec = {}, dt = 0) =>
    base(r, t + dt, acct, "us-east-1", {
      userIdentity: iamUser(victim),
      eventName,
      eventSource,
      sourceIPAddress: attacker,
      userAgent: "python-requests/2.31",
      readOnly: false,
      ...rest,
    });
  switch (kind % 8) {
    case 0:
      return [
        base(r, t, acct, "us-east-1", {
          userIdentity: { type: "Root", principalId: acct, arn: `arn:aws:iam::${acct}:root`, accountId: acct },
          eventSource: "signin.amazonaws.com",
          eventName: "ConsoleLogin",
          sourceIPAddress: attacker,
          eventType: "AwsConsoleSignIn",
          responseElements: { ConsoleLogin: "Success" },
          additionalEventData: { MFAUsed: "No" },
        }),
      ];
    case 1:
      return Array.from({ length: 6 }, (_, i) =>
        base(r, t + i * 40_000, acct, "us-east-1", {
          userIdentity: { type: "IAMUser", accountId: acct, userName: victim.name },
          eventSource: "signin.amazonaws.com",
          eventName: "ConsoleLogin",
          sourceIPAddress: attacker,
          eventType: "AwsConsoleSignIn",
          errorMessage: "Failed authentication",
          responseElements: { ConsoleLogin: "Failure" },
          additionalEventData: { MFAUsed: "No" },
        }),
      );
    case 2:
      return [
        as("CreateAccessKey", "iam.amazonaws.com", {
          requestParameters: { userName: (w.users[0] as World["users"][number]).name },
          responseElements: { accessKey: { accessKeyId: `AKIA${r.upper(16)}`, status: "Active" } },
        }),
      ];
    case 3: {
      const inst = r.pick(w.instances);
      return [
        as("AuthorizeSecurityGroupIngress", "ec2.amazonaws.com", {
          requestParameters: {
            groupId: inst.sg,
            ipPermissions: {
              items: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: "0.0.0.0/0" }] } }],
            },
          },
          responseElements: { _return: true },
        }),
      ];
    }
    case 4:
      return [
        as("StopLogging", "cloudtrail.amazonaws.com", {
          requestParameters: { name: `arn:aws:cloudtrail:us-east-1:${acct}:trail/org-trail` },
        }),
      ];
    case 5:
      return [
        as("PutUserPolicy", "iam.amazonaws.com", {
          requestParameters: {
            userName: victim.name,
            policyName: "admin-now",
            policyDocument: encodeURIComponent(
              JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }),
            ),
          },
        }),
      ];
    case 6:
      return [as("DeleteDetector", "guardduty.amazonaws.com", { requestParameters: { detectorId: r.hex(32) } })];
    default:
      return [
        base(r, t, acct, "us-east-1", {
          userIdentity: iamUser(w.users[7] as World["users"][number]),
          eventSource: "signin.amazonaws.com",
          eventName: "ConsoleLogin",
          sourceIPAddress: attacker,
          eventType: "AwsConsoleSignIn",
          responseElements: { ConsoleLogin: "Success" },
          additionalEventData: { MFAUsed: "No" },
        }),
      ];
  }
}
