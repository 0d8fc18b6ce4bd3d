import type { World } from "./aws-world";
import type { Random } from "./random";

/** One CloudTrail record, as the JSON AWS delivers. */
export type CloudTrailRecord = Record<string, unknown>;
type User = World["users"][number];
type Role = World["roles"][number];

/** CloudTrail's time format: ISO without milliseconds. */
export const cloudTrailTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export function iamUserIdentity(u: User) {
  return {
    type: "IAMUser",
    principalId: u.principalId,
    arn: `arn:aws:iam::${u.account}:user/${u.name}`,
    accountId: u.account,
    accessKeyId: u.keyId,
    userName: u.name,
  };
}

export function assumedRoleIdentity(r: Random, role: Role, session: string, mfa = false) {
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

/** The fields every management event carries; `rest` adds or overrides the event's own. */
export function cloudTrailRecord(
  r: Random,
  t: number,
  account: string,
  region: string,
  rest: CloudTrailRecord,
): CloudTrailRecord {
  return {
    eventVersion: "1.09",
    eventTime: cloudTrailTime(t),
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
