import { iamUser, trailRecord } from "../../fixtures";
import type { ThresholdRule } from "../../rule";

/** `n` times from `start`, `step` seconds apart, as CloudTrail writes them. */
const times = (start: string, n: number, step: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(start) + i * step * 1000).toISOString().replace(".000Z", "Z"),
  );

/** Reads of `n` different secrets by one identity (failed with `errorCode` when given). */
const reads = (start: string, n: number, step: number, who = "svc-reporting", errorCode?: string) =>
  times(start, n, step).map((eventTime, i) =>
    trailRecord({
      eventSource: "secretsmanager.amazonaws.com",
      eventName: "GetSecretValue",
      eventTime,
      userIdentity: iamUser(who),
      sourceIPAddress: "198.51.100.44",
      readOnly: true,
      requestParameters: { secretId: `prod/app-${i}/credentials` },
      ...(errorCode ? { errorCode } : {}),
    }),
  );

const fire = reads("2026-11-20T08:56:00Z", 12, 45);

export const rule: ThresholdRule = {
  kind: "threshold",
  id: "secrets-manager-bulk-secret-reads",
  version: 1,
  title: "Many Secrets Manager secrets read by one principal",
  severity: 4,
  description:
    "One principal retrieved the value of ten or more Secrets Manager secrets within 10 minutes: an application reads the few secrets it needs, while harvesting reads everything it can.",
  tactic: "credential-access",
  techniques: ["T1555.006"],
  table: "cloudtrail",
  where: () =>
    "event_source = 'secretsmanager.amazonaws.com' AND event_name IN ('GetSecretValue', 'BatchGetSecretValue') AND error_code IS NULL AND coalesce(source_ip_is_service, false) = false",
  key: () => "coalesce(user_arn, principal_id, '?')",
  threshold: 10,
  windowMinutes: 10,
  runbook: {
    check: [
      "Which secrets were read, and whether the principal's workload uses them (its code or configuration names them).",
      "Whether the source address and user agent match where the workload runs.",
    ],
    contain: [
      "Revoke the principal's credentials, then rotate every secret it read, starting with database and third-party keys.",
    ],
    falsePositives: [
      "A service that reads its secrets on every start without caching, scaled out at once; add caching or an exception for its role.",
      "Secret rotation or backup tooling; add an exception for its role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html",
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/monitoring-cloudtrail.html",
  ],
  fixtures: {
    // Twelve secrets in about 8 minutes, over two files and across 09:00.
    fire: { objects: [fire.slice(0, 6), fire.slice(6)] },
    quiet: {
      objects: [
        // One under the threshold; then twelve reads at one every 70 seconds (nine at most in 10 minutes).
        reads("2026-11-20T06:20:00Z", 9, 45),
        reads("2026-11-20T07:00:00Z", 12, 70),
        // Twelve refused reads, and six reads each by two users.
        reads("2026-11-20T10:00:00Z", 12, 30, "svc-reporting", "AccessDeniedException"),
        [...reads("2026-11-20T11:00:00Z", 6, 30, "ana"), ...reads("2026-11-20T11:00:10Z", 6, 30, "ben")],
      ],
    },
  },
};
