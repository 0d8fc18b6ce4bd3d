import { iamUser, trailRecord } from "../../fixtures";
import type { SequenceRule } from "../../rule";

const who = iamUser("dave");
const signIn = (time: string) =>
  trailRecord({
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    userIdentity: who,
    eventTime: time,
    responseElements: { ConsoleLogin: "Success" },
    additionalEventData: { LoginTo: "https://console.aws.amazon.com/console/home", MobileVersion: "No", MFAUsed: "No" },
    eventType: "AwsConsoleSignIn",
  });
const newKey = (time: string) =>
  trailRecord({
    eventSource: "iam.amazonaws.com",
    eventName: "CreateAccessKey",
    userIdentity: who,
    eventTime: time,
    requestParameters: { userName: "dave" },
    responseElements: { accessKey: { userName: "dave", status: "Active", accessKeyId: "AKIAEXAMPLEDAVE00001" } },
  });
const admin = (time: string) =>
  trailRecord({
    eventSource: "iam.amazonaws.com",
    eventName: "PutUserPolicy",
    userIdentity: who,
    eventTime: time,
    requestParameters: {
      userName: "dave",
      policyName: "ops",
      policyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "iam:*", Resource: "*" }],
      }),
    },
  });

export const rule: SequenceRule = {
  kind: "sequence",
  id: "no-mfa-sign-in-then-key-then-iam-policy",
  version: 1,
  title: "Attack sequence: sign-in without MFA, new access key, then IAM permissions",
  severity: 5,
  description:
    "Within an hour, one principal signed in to the console without MFA, created an access key, and gave a user inline IAM permissions: a takeover that turns a stolen password into lasting access.",
  tactic: "privilege-escalation",
  techniques: ["T1078.004", "T1098.001", "T1098"],
  windowMinutes: 60,
  steps: [
    {
      title: "Console sign-in without MFA",
      table: "cloudtrail",
      where: (d) =>
        `event_name = 'ConsoleLogin' AND ${d.jsonText("response_elements", "$.ConsoleLogin")} = 'Success' AND ${d.jsonText("additional_event_data", "$.MFAUsed")} = 'No'`,
      key: () => "coalesce(user_arn, user_name)",
    },
    {
      title: "Access key created",
      table: "cloudtrail",
      where: () => "event_name = 'CreateAccessKey' AND error_code IS NULL",
      key: () => "coalesce(user_arn, user_name)",
    },
    {
      title: "Inline or managed policy given to a user",
      table: "cloudtrail",
      where: () => "event_name IN ('PutUserPolicy', 'AttachUserPolicy') AND error_code IS NULL",
      key: () => "coalesce(user_arn, user_name)",
    },
  ],
  runbook: {
    check: [
      "The sign-in's address and user agent against the person's usual ones; whether they expect to have done this.",
      "What the new access key did afterwards (Activity, filtered by the key).",
    ],
    contain: ["Deactivate the new key, remove the policy, reset the password and require MFA for the user."],
    falsePositives: ["An administrator setting up their own automation without MFA; require MFA rather than tune."],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html",
  ],
  fixtures: {
    // In order within the hour, spread over two files.
    fire: {
      objects: [[signIn("2026-11-20T10:10:00Z"), newKey("2026-11-20T10:25:00Z")], [admin("2026-11-20T10:50:00Z")]],
    },
    quiet: {
      objects: [
        // Wrong order (policy first), then the right order but over more than an hour.
        [admin("2026-11-20T08:00:00Z"), newKey("2026-11-20T08:05:00Z"), signIn("2026-11-20T08:10:00Z")],
        [signIn("2026-11-20T09:00:00Z"), newKey("2026-11-20T09:30:00Z"), admin("2026-11-20T10:02:30Z")],
      ],
    },
  },
};
