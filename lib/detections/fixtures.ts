import { createHash } from "node:crypto";
import type { CloudTrailRecord } from "./rule";

/** The account, region and people the fixtures act in (documentation ranges only). */
export const FIXTURE = {
  account: "111122223333",
  otherAccount: "444455556666",
  region: "us-east-1",
  time: "2026-11-20T10:05:00Z",
  ip: "203.0.113.50",
} as const;

type Identity = Record<string, unknown>;

/** An IAM user's identity block, as CloudTrail writes it. */
export const iamUser = (name = "alice", extra: Identity = {}): Identity => ({
  type: "IAMUser",
  principalId: `AIDA${createHash("sha1").update(name).digest("hex").slice(0, 16).toUpperCase()}`,
  arn: `arn:aws:iam::${FIXTURE.account}:user/${name}`,
  accountId: FIXTURE.account,
  accessKeyId: `AKIA${createHash("sha1").update(`key-${name}`).digest("hex").slice(0, 16).toUpperCase()}`,
  userName: name,
  ...extra,
});

/** An assumed role's identity block (`role` is the role name, `session` the session name). */
export const assumedRole = (role = "ops", session = "bob", extra: Identity = {}): Identity => ({
  type: "AssumedRole",
  principalId: `AROA${createHash("sha1").update(role).digest("hex").slice(0, 16).toUpperCase()}:${session}`,
  arn: `arn:aws:sts::${FIXTURE.account}:assumed-role/${role}/${session}`,
  accountId: FIXTURE.account,
  accessKeyId: `ASIA${createHash("sha1").update(`${role}/${session}`).digest("hex").slice(0, 16).toUpperCase()}`,
  sessionContext: {
    sessionIssuer: {
      type: "Role",
      principalId: `AROA${createHash("sha1").update(role).digest("hex").slice(0, 16).toUpperCase()}`,
      arn: `arn:aws:iam::${FIXTURE.account}:role/${role}`,
      accountId: FIXTURE.account,
      userName: role,
    },
    attributes: { creationDate: "2026-11-20T09:00:00Z", mfaAuthenticated: "false" },
  },
  ...extra,
});

/** The account's root user. */
export const rootUser = (): Identity => ({
  type: "Root",
  principalId: FIXTURE.account,
  arn: `arn:aws:iam::${FIXTURE.account}:root`,
  accountId: FIXTURE.account,
});

export interface TrailFixture {
  eventSource: string;
  eventName: string;
  userIdentity?: Identity;
  requestParameters?: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  additionalEventData?: Record<string, unknown>;
  errorCode?: string;
  errorMessage?: string;
  eventTime?: string;
  sourceIPAddress?: string;
  userAgent?: string;
  readOnly?: boolean;
  eventType?: string;
  recipientAccountId?: string;
  awsRegion?: string;
  resources?: Record<string, unknown>[];
}

/**
 * One CloudTrail record in the format AWS delivers (`Records[]` of a trail's log file). The event
 * id is derived from the content, so a fixture always has the same id.
 */
export function trailRecord(f: TrailFixture): CloudTrailRecord {
  const body = {
    eventVersion: "1.09",
    userIdentity: f.userIdentity ?? iamUser(),
    eventTime: f.eventTime ?? FIXTURE.time,
    eventSource: f.eventSource,
    eventName: f.eventName,
    awsRegion: f.awsRegion ?? FIXTURE.region,
    sourceIPAddress: f.sourceIPAddress ?? FIXTURE.ip,
    userAgent: f.userAgent ?? "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64",
    ...(f.errorCode ? { errorCode: f.errorCode, errorMessage: f.errorMessage ?? f.errorCode } : {}),
    requestParameters: f.requestParameters === undefined ? null : f.requestParameters,
    responseElements: f.responseElements === undefined ? null : f.responseElements,
    ...(f.additionalEventData ? { additionalEventData: f.additionalEventData } : {}),
    ...(f.resources ? { resources: f.resources } : {}),
    readOnly: f.readOnly ?? false,
    eventType: f.eventType ?? "AwsApiCall",
    managementEvent: true,
    recipientAccountId: f.recipientAccountId ?? FIXTURE.account,
    eventCategory: "Management",
  };
  const id = createHash("sha256").update(JSON.stringify(body)).digest("hex");
  return {
    ...body,
    requestID: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`,
    eventID: `${id.slice(32, 40)}-${id.slice(40, 44)}-4${id.slice(45, 48)}-a${id.slice(49, 52)}-${id.slice(52, 64)}`,
  };
}

/** A VPC Flow Logs version 2 line (AWS's default format: space-separated, no header). */
export function flowLine(f: {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  protocol?: number;
  action?: "ACCEPT" | "REJECT";
  start?: number;
  packets?: number;
  bytes?: number;
  eni?: string;
}): string {
  const start = f.start ?? Date.parse(FIXTURE.time) / 1000;
  return [
    2,
    FIXTURE.account,
    f.eni ?? "eni-0a1b2c3d4e5f60718",
    f.src,
    f.dst,
    f.srcPort,
    f.dstPort,
    f.protocol ?? 6,
    f.packets ?? 10,
    f.bytes ?? 840,
    start,
    start + 60,
    f.action ?? "ACCEPT",
    "OK",
  ].join(" ");
}
