import { assumedRole, trailRecord } from "../../fixtures";
import type { ThresholdRule } from "../../rule";

/** The error codes AWS services use when a caller lacks the permission for a call. */
const DENIED = ["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "Client.UnauthorizedOperation"];

/** Calls a stolen session tries one after another, each refused with its service's own error code. */
const PROBES: [string, string, string][] = [
  ["iam.amazonaws.com", "ListUsers", "AccessDenied"],
  ["ec2.amazonaws.com", "DescribeInstances", "Client.UnauthorizedOperation"],
  ["secretsmanager.amazonaws.com", "ListSecrets", "AccessDeniedException"],
  ["s3.amazonaws.com", "ListBuckets", "AccessDenied"],
  ["ec2.amazonaws.com", "CreateSnapshot", "UnauthorizedOperation"],
  ["lambda.amazonaws.com", "ListFunctions20150331", "AccessDeniedException"],
];

/** `n` times from `start`, `step` seconds apart, as CloudTrail writes them. */
const times = (start: string, n: number, step: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(start) + i * step * 1000).toISOString().replace(".000Z", "Z"),
  );

/** Denied calls of one session, cycling through the probes. */
const denied = (start: string, n: number, step: number, session = "runner-7") =>
  times(start, n, step).map((eventTime, i) => {
    const [eventSource, eventName, errorCode] = PROBES[i % PROBES.length] as [string, string, string];
    return trailRecord({
      eventSource,
      eventName,
      errorCode,
      eventTime,
      userIdentity: assumedRole("ci-deploy", session),
      sourceIPAddress: "198.51.100.61",
      readOnly: eventName !== "CreateSnapshot",
    });
  });

const fire = denied("2026-11-20T09:56:30Z", 22, 20);

export const rule: ThresholdRule = {
  kind: "threshold",
  id: "access-denied-burst-by-principal",
  version: 1,
  title: "Burst of permission-denied calls by one principal",
  severity: 3,
  description:
    "Twenty or more API calls by one principal were refused for lack of permission within 10 minutes: someone probing what a set of credentials may do, typically just after stealing them.",
  tactic: "discovery",
  techniques: ["T1580", "T1526", "T1078.004"],
  table: "cloudtrail",
  where: () =>
    `error_code IN (${DENIED.map((c) => `'${c}'`).join(", ")}) AND coalesce(source_ip_is_service, false) = false`,
  key: () => "coalesce(user_arn, principal_id, '?')",
  threshold: 20,
  windowMinutes: 10,
  runbook: {
    check: [
      "Which services and actions were refused: a spread over many unrelated services is enumeration, repeats of one call are a broken job.",
      "Whether the source address and user agent are where this principal normally works from.",
      "Whether any call of the same principal succeeded during the burst, and what it was.",
    ],
    contain: [
      "Deactivate the access key or revoke the role's active sessions, then rotate the credentials where they are stored.",
    ],
    falsePositives: [
      "A deployment or job whose policy was just narrowed retries the same call; fix its policy rather than tune.",
      "Inventory tools run with read-only roles that miss a few services; add an exception for that role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html",
  ],
  fixtures: {
    // 22 refusals in about 7 minutes, over two trail files and across 10:00.
    fire: { objects: [fire.slice(0, 11), fire.slice(11)] },
    quiet: {
      objects: [
        // One under the threshold; then 25 refusals too spread out (40 s apart: at most 15 in 10 minutes).
        denied("2026-11-20T07:00:00Z", 19, 25),
        denied("2026-11-20T08:00:00Z", 25, 40),
        // 24 refusals within 8 minutes, but split between two sessions (two principals).
        [...denied("2026-11-20T10:30:00Z", 12, 40, "runner-8"), ...denied("2026-11-20T10:30:20Z", 12, 40, "runner-9")],
      ],
    },
  },
};
