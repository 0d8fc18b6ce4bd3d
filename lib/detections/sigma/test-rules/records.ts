/**
 * CloudTrail records for the Sigma integration test: for each test rule, events it must match and
 * near misses it must not. `SIGMA_EXPECTED` says which event ids each compiled rule selects.
 */
/** A CloudTrail record as AWS writes it. */
type CloudTrailRecord = Record<string, unknown>;

const ACCOUNT = "111122223333";
const alice = {
  type: "IAMUser",
  principalId: "AIDAEXAMPLEALICE0001",
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  accountId: ACCOUNT,
  accessKeyId: "AKIAEXAMPLEALICE0001",
  userName: "alice",
};
const roleSession = (role: string) => ({
  type: "AssumedRole",
  principalId: `AROAEXAMPLE${role.toUpperCase()}:session`,
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/session`,
  accountId: ACCOUNT,
  accessKeyId: "ASIAEXAMPLEKEY000001",
  sessionContext: {
    sessionIssuer: { type: "Role", arn: `arn:aws:iam::${ACCOUNT}:role/${role}`, accountId: ACCOUNT, userName: role },
    attributes: { creationDate: "2026-11-20T09:00:00Z", mfaAuthenticated: "false" },
  },
});
const root = { type: "Root", principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT };

let minute = 0;
const rec = (id: string, eventSource: string, eventName: string, over: CloudTrailRecord = {}): CloudTrailRecord => ({
  eventVersion: "1.09",
  userIdentity: alice,
  eventTime: `2026-11-20T10:${String(minute++).padStart(2, "0")}:00Z`,
  eventSource,
  eventName,
  awsRegion: "us-east-1",
  sourceIPAddress: "203.0.113.10",
  userAgent: "aws-cli/2.15.0 Python/3.11.6 Linux/6.1",
  requestParameters: null,
  responseElements: null,
  eventID: id,
  readOnly: false,
  eventType: "AwsApiCall",
  managementEvent: true,
  recipientAccountId: ACCOUNT,
  eventCategory: "Management",
  ...over,
});
const login = (id: string, identity: object, ip: string, mfa: "Yes" | "No") =>
  rec(id, "signin.amazonaws.com", "ConsoleLogin", {
    userIdentity: identity,
    sourceIPAddress: ip,
    eventType: "AwsConsoleSignIn",
    responseElements: { ConsoleLogin: "Success" },
    additionalEventData: { LoginTo: "https://console.aws.amazon.com/", MobileVersion: "No", MFAUsed: mfa },
  });
const policy = (arn: string) => ({ requestParameters: { policyArn: arn, roleName: "app" } });
const assumeRole = (id: string, role: string) =>
  rec(id, "sts.amazonaws.com", "AssumeRole", {
    userIdentity: roleSession("ci"),
    resources: [
      { accountId: ACCOUNT, type: "AWS::KMS::Key", ARN: `arn:aws:kms:us-east-1:${ACCOUNT}:key/abc` },
      { accountId: ACCOUNT, type: "AWS::IAM::Role", ARN: `arn:aws:iam::${ACCOUNT}:role/${role}` },
    ],
  });
const agent = (id: string, userAgent: string) => rec(id, "sts.amazonaws.com", "GetCallerIdentity", { userAgent });

export const SIGMA_RECORDS: CloudTrailRecord[] = [
  rec("ev-01", "iam.amazonaws.com", "AttachUserPolicy", policy("arn:aws:iam::aws:policy/AdministratorAccess")),
  rec("ev-02", "iam.amazonaws.com", "AttachRolePolicy", {
    ...policy("arn:aws:iam::aws:policy/ReadOnlyAccess"),
    sourceIPAddress: "iam.amazonaws.com",
  }),
  rec("ev-03", "cloudtrail.amazonaws.com", "StopLogging", { requestParameters: { name: "main" } }),
  rec("ev-04", "cloudtrail.amazonaws.com", "DeleteTrail", { requestParameters: { name: "main" } }),
  rec("ev-05", "cloudtrail.amazonaws.com", "StartLogging", { requestParameters: { name: "main" } }),
  login("ev-06", root, "198.51.100.23", "No"),
  login("ev-07", alice, "203.0.113.10", "Yes"),
  login("ev-08", alice, "10.20.30.40", "No"),
  login("ev-09", alice, "AWS Internal", "No"),
  login("ev-10", alice, "10.0.0.999", "No"),
  agent("ev-11", "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exec-env/CloudShell"),
  agent("ev-12", "aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0-kali3-amd64"),
  agent("ev-13", "Boto3/1.34.2 md/Botocore#1.34.2 Python/3.12"),
  agent("ev-14", "boto3/1.34.2 python/3.12"),
  rec("ev-15", "s3.amazonaws.com", "PutBucketPolicy", { userIdentity: roleSession("ops-automation") }),
  rec("ev-16", "s3.amazonaws.com", "PutBucketPolicy", { requestParameters: { bucketName: "logs" } }),
  rec("ev-17", "kms.amazonaws.com", "ScheduleKeyDeletion", { requestParameters: { keyId: "abc" } }),
  rec("ev-18", "ec2.amazonaws.com", "DescribeInstances", {
    userIdentity: roleSession("ci"),
    errorCode: "Client.UnauthorizedOperation",
  }),
  rec("ev-19", "ec2.amazonaws.com", "DescribeInstances", { errorCode: "Client.UnauthorizedOperation" }),
  assumeRole("ev-20", "AdminAccess"),
  assumeRole("ev-21", "ReadOnly"),
  rec("ev-22", "s3.amazonaws.com", "DeleteBucket", { requestParameters: { bucketName: "old-logs" } }),
  rec("ev-23", "s3.amazonaws.com", "DeleteBucket", {
    requestParameters: { bucketName: "prod" },
    errorCode: "AccessDenied",
  }),
  agent("ev-24", "O'Brien's tool 100%_done\\"),
  agent("ev-25", "O'Brien's tool 100XYdone\\"),
  rec("ev-26", "iam.amazonaws.com", "CreateAccessKey", { requestParameters: { userName: "alice" } }),
  rec("ev-27", "iam.amazonaws.com", "CreateAccessKey", { userIdentity: roleSession("alice") }),
];

/** Test rule file → the events its compiled rule selects, sorted. */
export const SIGMA_EXPECTED: Record<string, string[]> = {
  "activity/boto3-recent.yml": ["ev-13"],
  "activity/cloudshell-cli.yml": ["ev-11"],
  "activity/literal-specials.yml": ["ev-24"],
  "activity/login-from-ranges.yml": ["ev-06", "ev-08"],
  "activity/offensive-user-agent.yml": ["ev-12"],
  "activity/root-console-login-without-mfa.yml": ["ev-06"],
  "iam/admin-role-assumed.yml": ["ev-20"],
  "iam/assumed-role-unauthorized.yml": ["ev-18"],
  "iam/attach-admin-policy.yml": ["ev-01"],
  "iam/named-user-key-created.yml": ["ev-26"],
  "iam/policy-or-key-tampering.yml": ["ev-16", "ev-17"],
  "logging/bucket-deleted.yml": ["ev-22"],
  "logging/cloudtrail-tampering.yml": ["ev-03", "ev-04"],
};
