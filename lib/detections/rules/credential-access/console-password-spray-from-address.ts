import { iamUser, trailRecord } from "../../fixtures";
import type { ThresholdRule } from "../../rule";

const USERS = ["ana", "ben", "chloe", "dmitri", "elif", "femi", "greta", "hiro", "ines", "jonas", "kofi", "lena"];

/** `n` times from `start`, `step` seconds apart, as CloudTrail writes them. */
const times = (start: string, n: number, step: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(start) + i * step * 1000).toISOString().replace(".000Z", "Z"),
  );

/** A console sign-in of `user` from `ip`, failed unless `ok`. */
const signIn = (time: string, user: string, ip: string, ok = false) =>
  trailRecord({
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    userIdentity: iamUser(user),
    eventTime: time,
    sourceIPAddress: ip,
    ...(ok ? {} : { errorMessage: "Failed authentication" }),
    responseElements: { ConsoleLogin: ok ? "Success" : "Failure" },
    additionalEventData: { LoginTo: "https://console.aws.amazon.com/console/home", MobileVersion: "No", MFAUsed: "No" },
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
    eventType: "AwsConsoleSignIn",
  });

/** One failure per user (users taken in turn, so a user fails at most twice) from one address. */
const spray = (start: string, n: number, step: number, ip = "203.0.113.77") =>
  times(start, n, step).map((t, i) => signIn(t, USERS[i % USERS.length] as string, ip));

const fire = spray("2026-11-20T10:57:00Z", 12, 40);

export const rule: ThresholdRule = {
  kind: "threshold",
  id: "console-password-spray-from-address",
  version: 1,
  title: "Password spraying: failed console sign-ins for many users from one address",
  severity: 4,
  description:
    "Ten or more failed console sign-ins came from one address within 10 minutes, spread over user names: one password tried against many accounts, which stays under any per-user lockout.",
  tactic: "credential-access",
  techniques: ["T1110.003"],
  table: "cloudtrail",
  where: (d) => `event_name = 'ConsoleLogin' AND ${d.jsonText("response_elements", "$.ConsoleLogin")} = 'Failure'`,
  key: () => "coalesce(source_ip_address, '?')",
  threshold: 10,
  windowMinutes: 10,
  runbook: {
    check: [
      "Whether any sign-in from the same address succeeded during or after the burst, and for which user.",
      "Whether the address is an office, VPN or proxy egress of your organization, or a hosting provider.",
    ],
    contain: [
      "Block the address at the edge, reset the passwords of users who then signed in successfully from it, and require MFA for every console user.",
    ],
    falsePositives: [
      "A shared office or VPN egress on a Monday morning after a password rotation; add an exception for that address.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
  ],
  fixtures: {
    // Twelve users failing once each within about 7 minutes, over two files and across 11:00.
    fire: { objects: [fire.slice(0, 6), fire.slice(6)] },
    quiet: {
      objects: [
        // One under the threshold; then twelve failures over 40 minutes.
        spray("2026-11-20T06:30:00Z", 9, 40),
        spray("2026-11-20T07:30:00Z", 12, 200),
        // Twelve failures within 5 minutes, each from its own address.
        USERS.map((u, i) => signIn(times("2026-11-20T08:30:00Z", 12, 25)[i] as string, u, `198.51.100.${100 + i}`)),
        // Twelve successful sign-ins from one office address.
        times("2026-11-20T09:00:00Z", 12, 20).map((t, i) => signIn(t, USERS[i] as string, "192.0.2.10", true)),
      ],
    },
  },
};
