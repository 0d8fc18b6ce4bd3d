import { iamUser, trailRecord } from "../../fixtures";
import type { ThresholdRule } from "../../rule";

/** A failed console sign-in of `user` from `ip` at `time` (CloudTrail records it as an error). */
const failed = (time: string, user = "carol", ip = "198.51.100.7") =>
  trailRecord({
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    userIdentity: iamUser(user),
    eventTime: time,
    sourceIPAddress: ip,
    errorMessage: "Failed authentication",
    responseElements: { ConsoleLogin: "Failure" },
    additionalEventData: { LoginTo: "https://console.aws.amazon.com/console/home", MobileVersion: "No", MFAUsed: "No" },
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
    eventType: "AwsConsoleSignIn",
  });

export const rule: ThresholdRule = {
  kind: "threshold",
  id: "console-login-failure-burst",
  version: 2,
  title: "Burst of failed console sign-ins",
  severity: 4,
  description: "Five or more failed console sign-ins for one user name from one address within 10 minutes.",
  tactic: "credential-access",
  techniques: ["T1110.001"],
  table: "cloudtrail",
  where: (d) => `event_name = 'ConsoleLogin' AND ${d.jsonText("response_elements", "$.ConsoleLogin")} = 'Failure'`,
  key: () => `coalesce(user_name, user_arn, '?') || ' from ' || coalesce(source_ip_address, '?')`,
  threshold: 5,
  windowMinutes: 10,
  runbook: {
    check: [
      "Whether a successful sign-in for the same user followed from the same address.",
      "Whether the address belongs to your organization or VPN.",
    ],
    contain: ["Reset the user's password, require MFA, and block the address at the edge if it is not yours."],
    falsePositives: ["A person who forgot a changed password; an exception for the user with a short expiry."],
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html",
  ],
  fixtures: {
    // Six failures spread over two trail files and across the 10:00–11:00 boundary.
    fire: {
      objects: [
        ["2026-11-20T10:56:00Z", "2026-11-20T10:57:30Z", "2026-11-20T10:58:10Z"].map((t) => failed(t)),
        ["2026-11-20T11:00:20Z", "2026-11-20T11:01:00Z", "2026-11-20T11:02:40Z"].map((t) => failed(t)),
      ],
    },
    quiet: {
      objects: [
        // Four failures only, then a fifth outside the window; and failures from two addresses.
        ["2026-11-20T10:00:00Z", "2026-11-20T10:02:00Z", "2026-11-20T10:04:00Z", "2026-11-20T10:06:00Z"].map((t) =>
          failed(t),
        ),
        [failed("2026-11-20T10:30:00Z"), failed("2026-11-20T10:31:00Z", "carol", "198.51.100.8")],
      ],
    },
  },
};
