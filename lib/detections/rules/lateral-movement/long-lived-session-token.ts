import { iamUser, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";

/** Both calls default to 12 hours and allow up to 36; asking for more than the default is a choice. */
const DEFAULT_SECONDS = 43_200;

const duration = (e: TrailEvent) => {
  const v = e.req?.durationSeconds;
  return typeof v === "number" ? v : typeof v === "string" ? Number(v) : 0;
};

const token = (eventName: string, params: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "sts.amazonaws.com",
    eventName,
    userIdentity: iamUser("olga"),
    requestParameters: params,
    responseElements: errorCode
      ? null
      : {
          credentials: {
            accessKeyId: "ASIAOLGASESSION00001",
            sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE",
            expiration: "Nov 21, 2026, 10:05:00 PM",
          },
          ...(eventName === "GetFederationToken"
            ? {
                federatedUser: {
                  federatedUserId: "111122223333:olga-tmp",
                  arn: "arn:aws:sts::111122223333:federated-user/olga-tmp",
                },
                packedPolicySize: 6,
              }
            : {}),
        },
    readOnly: true,
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "long-lived-session-token",
  version: 1,
  title: "Session credentials longer than 12 hours minted from an IAM user's key",
  severity: 3,
  description:
    "An IAM user's long-term key asked STS (GetSessionToken or GetFederationToken) for temporary credentials valid longer than the 12-hour default. Such sessions keep working after the user's key is deactivated, which is why attackers mint them.",
  tactic: "lateral-movement",
  techniques: ["T1550.001"],
  events: ["GetSessionToken", "GetFederationToken"],
  match: (e) => e.ok && e.userType === "IAMUser" && duration(e) > DEFAULT_SECONDS,
  resource: (e) => ({ type: "AwsIamUser", id: e.userName }),
  runbook: {
    check: [
      "Whether the user's tooling is known to ask for long sessions, and where the call came from.",
      "What the new session (its ASIA key id, or the federated user name) did afterwards.",
    ],
    contain: [
      "Deactivating the key does not end the session: attach a deny-all inline policy to the user (it also binds sessions derived from it), then rotate the key.",
    ],
    falsePositives: [
      "Developer tools that cache an MFA session for a whole day or more; prefer IAM Identity Center, or add an exception for the user with an expiry.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html",
    "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html",
  ],
  fixtures: {
    fire: [
      token("GetFederationToken", { name: "olga-tmp", durationSeconds: 129_600 }),
      token("GetSessionToken", { durationSeconds: 129_600 }),
    ],
    quiet: [
      token("GetSessionToken", { durationSeconds: 3_600, serialNumber: "arn:aws:iam::111122223333:mfa/olga" }),
      token("GetFederationToken", { name: "olga-tmp", durationSeconds: 129_600 }, "AccessDenied"),
    ],
  },
};
