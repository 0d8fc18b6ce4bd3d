import { assumedRole, trailRecord } from "../../fixtures";
import type { ThresholdRule } from "../../rule";

const READS = ["GetParameter", "GetParameters", "GetParametersByPath"];

/** `n` times from `start`, `step` seconds apart, as CloudTrail writes them. */
const times = (start: string, n: number, step: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(start) + i * step * 1000).toISOString().replace(".000Z", "Z"),
  );

/** The request of one parameter read, by API. */
const request = (eventName: string, i: number, withDecryption: boolean) =>
  eventName === "GetParametersByPath"
    ? { path: `/prod/service-${i}`, recursive: true, withDecryption }
    : eventName === "GetParameters"
      ? { names: [`/prod/service-${i}/db-password`, `/prod/service-${i}/api-key`], withDecryption }
      : { name: `/prod/service-${i}/db-password`, withDecryption };

/** Parameter reads by one session, cycling through the three read APIs. */
const reads = (start: string, n: number, step: number, withDecryption = true, session = "i-0d4e5f") =>
  times(start, n, step).map((eventTime, i) => {
    const eventName = READS[i % READS.length] as string;
    return trailRecord({
      eventSource: "ssm.amazonaws.com",
      eventName,
      eventTime,
      userIdentity: assumedRole("web-instance", session),
      sourceIPAddress: "198.51.100.52",
      readOnly: true,
      requestParameters: request(eventName, i, withDecryption),
    });
  });

const fire = reads("2026-11-20T07:30:00Z", 22, 20);

export const rule: ThresholdRule = {
  kind: "threshold",
  id: "ssm-parameter-bulk-decrypted-reads",
  version: 1,
  title: "Many SSM parameters read with decryption by one principal",
  severity: 4,
  description:
    "One principal read SSM Parameter Store parameters with decryption twenty or more times within 10 minutes: SecureString values (passwords, API keys) pulled in bulk rather than the few a service needs.",
  tactic: "credential-access",
  techniques: ["T1555.006", "T1552"],
  table: "cloudtrail",
  where: (d) =>
    `event_source = 'ssm.amazonaws.com' AND event_name IN (${READS.map((n) => `'${n}'`).join(", ")}) AND ${d.jsonText("request_parameters", "$.withDecryption")} = 'true' AND error_code IS NULL AND coalesce(source_ip_is_service, false) = false`,
  key: () => "coalesce(user_arn, principal_id, '?')",
  threshold: 20,
  windowMinutes: 10,
  runbook: {
    check: [
      "Which parameter paths were read, and whether they belong to the workload behind the principal.",
      "Whether the calls came from the workload's own network (instance, task or function) or from elsewhere.",
    ],
    contain: [
      "Revoke the principal's sessions or keys and rotate the SecureString values it read.",
      "Narrow its policy to the parameter paths it needs (ssm:GetParameter* on those ARNs, kms:Decrypt on their key).",
    ],
    falsePositives: [
      "Configuration loaders that fetch every parameter at start-up across many instances at once; add an exception for their role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParametersByPath.html",
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-securestring.html",
  ],
  fixtures: {
    // 22 decrypted reads in 7 minutes, over two files.
    fire: { objects: [fire.slice(0, 11), fire.slice(11)] },
    quiet: {
      objects: [
        // One under the threshold; 25 reads without decryption; 22 decrypted reads 35 seconds apart.
        reads("2026-11-20T06:30:00Z", 19, 20),
        reads("2026-11-20T08:30:00Z", 25, 15, false),
        reads("2026-11-20T09:30:00Z", 22, 35),
        // Twelve decrypted reads each by two sessions.
        [
          ...reads("2026-11-20T10:30:00Z", 12, 20, true, "i-01"),
          ...reads("2026-11-20T10:30:05Z", 12, 20, true, "i-02"),
        ],
      ],
    },
  },
};
