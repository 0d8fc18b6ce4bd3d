import type { World } from "./aws-world";
import { type CloudTrailRecord, cloudTrailRecord, iamUserIdentity } from "./cloudtrail-record";
import type { Random } from "./random";

type User = World["users"][number];

/** What every step of a story shares: the victim's account, the attacker's address, the time. */
interface Scene {
  r: Random;
  w: World;
  t: number;
  victim: User;
  attacker: string;
  acct: string;
}

/** An API call made with the victim's stolen keys from the attacker's address. */
const asVictim = (s: Scene, eventName: string, eventSource: string, rest: CloudTrailRecord = {}) =>
  cloudTrailRecord(s.r, s.t, s.acct, "us-east-1", {
    userIdentity: iamUserIdentity(s.victim),
    eventName,
    eventSource,
    sourceIPAddress: s.attacker,
    userAgent: "python-requests/2.31",
    readOnly: false,
    ...rest,
  });

const consoleSignIn = (s: Scene, t: number, userIdentity: unknown, rest: CloudTrailRecord) =>
  cloudTrailRecord(s.r, t, s.acct, "us-east-1", {
    userIdentity,
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    sourceIPAddress: s.attacker,
    eventType: "AwsConsoleSignIn",
    ...rest,
  });

const rootLogin = (s: Scene) => [
  consoleSignIn(
    s,
    s.t,
    { type: "Root", principalId: s.acct, arn: `arn:aws:iam::${s.acct}:root`, accountId: s.acct },
    { responseElements: { ConsoleLogin: "Success" }, additionalEventData: { MFAUsed: "No" } },
  ),
];

const bruteForce = (s: Scene) =>
  Array.from({ length: 6 }, (_, i) =>
    consoleSignIn(
      s,
      s.t + i * 40_000,
      { type: "IAMUser", accountId: s.acct, userName: s.victim.name },
      {
        errorMessage: "Failed authentication",
        responseElements: { ConsoleLogin: "Failure" },
        additionalEventData: { MFAUsed: "No" },
      },
    ),
  );

const accessKeyForAnotherUser = (s: Scene) => [
  asVictim(s, "CreateAccessKey", "iam.amazonaws.com", {
    requestParameters: { userName: (s.w.users[0] as User).name },
    responseElements: { accessKey: { accessKeyId: `AKIA${s.r.upper(16)}`, status: "Active" } },
  }),
];

const sshOpenToWorld = (s: Scene) => {
  const inst = s.r.pick(s.w.instances);
  return [
    asVictim(s, "AuthorizeSecurityGroupIngress", "ec2.amazonaws.com", {
      requestParameters: {
        groupId: inst.sg,
        ipPermissions: {
          items: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: "0.0.0.0/0" }] } }],
        },
      },
      responseElements: { _return: true },
    }),
  ];
};

const trailStopped = (s: Scene) => [
  asVictim(s, "StopLogging", "cloudtrail.amazonaws.com", {
    requestParameters: { name: `arn:aws:cloudtrail:us-east-1:${s.acct}:trail/org-trail` },
  }),
];

const adminPolicyInline = (s: Scene) => [
  asVictim(s, "PutUserPolicy", "iam.amazonaws.com", {
    requestParameters: {
      userName: s.victim.name,
      policyName: "admin-now",
      policyDocument: encodeURIComponent(
        JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }),
      ),
    },
  }),
];

const detectorDeleted = (s: Scene) => [
  asVictim(s, "DeleteDetector", "guardduty.amazonaws.com", { requestParameters: { detectorId: s.r.hex(32) } }),
];

/** A user without MFA signing in to the console from the attacker's address. */
const loginWithoutMfa = (s: Scene) => [
  consoleSignIn(s, s.t, iamUserIdentity(s.w.users[7] as User), {
    responseElements: { ConsoleLogin: "Success" },
    additionalEventData: { MFAUsed: "No" },
  }),
];

const STORIES: ((s: Scene) => CloudTrailRecord[])[] = [
  rootLogin,
  bruteForce,
  accessKeyForAnotherUser,
  sshOpenToWorld,
  trailStopped,
  adminPolicyInline,
  detectorDeleted,
  loginWithoutMfa,
];

/** Short attack stories, each tripping one built-in detection. */
export function attackStory(r: Random, w: World, t: number, kind: number): CloudTrailRecord[] {
  const victim = w.users[3] as User;
  const scene: Scene = { r, w, t, victim, attacker: r.pick(w.attackerIps), acct: victim.account };
  return (STORIES[kind % STORIES.length] as (s: Scene) => CloudTrailRecord[])(scene);
}
