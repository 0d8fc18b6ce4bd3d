import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";

const sesCall = (eventName: string, params: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "ses.amazonaws.com",
    eventName,
    requestParameters: params,
    responseElements: errorCode
      ? null
      : eventName === "CreateEmailIdentity"
        ? { identityType: "EMAIL_ADDRESS", verifiedForSendingStatus: false }
        : null,
    ...(errorCode ? { errorCode } : {}),
  });

/** The address or domain being verified, whichever SES API version was used. */
const identityOf = (e: TrailEvent) => ({
  type: "AwsSesIdentity",
  id: e.param("emailIdentity") || e.param("emailAddress") || e.param("domain") || null,
});

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ses-identity-verified",
  version: 1,
  title: "SES sending identity added",
  severity: 2,
  description:
    "An email address or domain was submitted for verification as an SES sending identity. Attackers with stolen keys add their own identities to send spam or phishing from the account's reputation; on its own it is routine, with sending from a new identity it is not.",
  tactic: "impact",
  techniques: ["T1496.004"],
  events: ["VerifyEmailIdentity", "VerifyEmailAddress", "VerifyDomainIdentity", "CreateEmailIdentity"],
  match: (e) => e.ok && e.source === "ses.amazonaws.com",
  resource: identityOf,
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  runbook: {
    check: [
      "Whether the address or domain belongs to your organization, and whether the principal usually manages SES.",
      "Whether the account's SES sending limits were raised or its sending statistics jumped afterwards.",
    ],
    contain: ["Delete the identity (DeleteIdentity or DeleteEmailIdentity) and revoke the credentials that added it."],
    falsePositives: ["Application teams adding their sender addresses; add an exception for their deployment role."],
  },
  references: [
    "https://docs.aws.amazon.com/ses/latest/APIReference/API_VerifyEmailIdentity.html",
    "https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_CreateEmailIdentity.html",
  ],
  fixtures: {
    fire: [
      sesCall("VerifyEmailIdentity", { emailAddress: "billing-notice@example.net" }),
      sesCall("CreateEmailIdentity", { emailIdentity: "security-alerts@example.org" }),
    ],
    quiet: [
      sesCall("VerifyEmailIdentity", { emailAddress: "billing-notice@example.net" }, "AccessDenied"),
      sesCall("DeleteIdentity", { identity: "billing-notice@example.net" }),
    ],
  },
};
