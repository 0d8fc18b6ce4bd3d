import { assumedRole, FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { blockConfig, homeAccount, publicAccessBlockLowered } from "./shared";

const accountCall = (eventName: string, config?: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "s3.amazonaws.com",
    eventName,
    userIdentity: assumedRole("platform-admin", "erin"),
    requestParameters: {
      Host: `${FIXTURE.account}.s3-control.us-east-1.amazonaws.com`,
      ...(config ? { PublicAccessBlockConfiguration: config } : {}),
    },
    ...(errorCode ? { errorCode } : {}),
  });

const XMLNS = "http://awss3control.amazonaws.com/doc/2018-08-20/";

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "s3-account-public-access-block-lowered",
  version: 1,
  title: "S3 Block Public Access turned off for the whole account",
  severity: 4,
  description:
    "The account-level S3 Block Public Access configuration was deleted or set with a protection off: every bucket in the account now relies on its own setting alone, and public policies or ACLs can take effect.",
  tactic: "exfiltration",
  techniques: ["T1530"],
  events: ["PutAccountPublicAccessBlock", "DeleteAccountPublicAccessBlock"],
  match: (e) => e.ok && e.source === "s3.amazonaws.com" && publicAccessBlockLowered(e),
  resource: (e) => ({ type: "AwsAccount", id: homeAccount(e) || null }),
  runbook: {
    check: [
      "Who changed it and which protections are now off; this setting is normally managed only by the platform team.",
      "Bucket policy, ACL and bucket-level Block Public Access changes in the account right after.",
    ],
    contain: [
      "Turn the four account-level protections back on (s3control PutPublicAccessBlock).",
      "Protect the setting with a service control policy denying s3:PutAccountPublicAccessBlock to everyone but the platform role.",
    ],
    falsePositives: [
      "Accounts created to host public content; keep the account-level block off only there and add an exception for that account.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_PutPublicAccessBlock.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_DeletePublicAccessBlock.html",
  ],
  fixtures: {
    fire: [
      accountCall("PutAccountPublicAccessBlock", blockConfig(false, XMLNS)),
      accountCall("DeleteAccountPublicAccessBlock"),
    ],
    quiet: [
      accountCall("PutAccountPublicAccessBlock", blockConfig(true, XMLNS)),
      accountCall("PutAccountPublicAccessBlock", blockConfig(false, XMLNS), "AccessDenied"),
    ],
  },
};
