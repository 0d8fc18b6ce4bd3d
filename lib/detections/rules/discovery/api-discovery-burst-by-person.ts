import { assumedRole, iamUser, trailRecord } from "../../fixtures";
import type { ThresholdRule } from "../../rule";

/** Read-only calls an enumeration script makes across services. */
const CALLS: [string, string][] = [
  ["iam.amazonaws.com", "ListUsers"],
  ["iam.amazonaws.com", "ListRoles"],
  ["iam.amazonaws.com", "GetAccountSummary"],
  ["ec2.amazonaws.com", "DescribeInstances"],
  ["ec2.amazonaws.com", "DescribeSecurityGroups"],
  ["ec2.amazonaws.com", "DescribeVpcs"],
  ["s3.amazonaws.com", "ListBuckets"],
  ["s3.amazonaws.com", "GetBucketPolicy"],
  ["lambda.amazonaws.com", "ListFunctions20150331"],
  ["rds.amazonaws.com", "DescribeDBInstances"],
  ["sts.amazonaws.com", "GetCallerIdentity"],
];
const CLI = "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64";
/** Secret reads are credential access, with rules of their own. */
const SECRET_READS = ["GetSecretValue", "GetParameter", "GetParameters", "GetParametersByPath"];

/** `n` times from `start`, `step` seconds apart, as CloudTrail writes them. */
const times = (start: string, n: number, step: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(start) + i * step * 1000).toISOString().replace(".000Z", "Z"),
  );

/** Read-only calls by one identity, cycling through the services. */
const sweep = (start: string, n: number, step: number, who = iamUser("trent"), userAgent = CLI) =>
  times(start, n, step).map((eventTime, i) => {
    const [eventSource, eventName] = CALLS[i % CALLS.length] as [string, string];
    return trailRecord({
      eventSource,
      eventName,
      eventTime,
      userIdentity: who,
      userAgent,
      readOnly: true,
      sourceIPAddress: "198.51.100.90",
    });
  });

const fire = sweep("2026-11-20T08:20:00Z", 34, 6);

export const rule: ThresholdRule = {
  kind: "threshold",
  id: "api-discovery-burst-by-person",
  version: 1,
  title: "Burst of List, Describe and Get calls by an IAM user or root",
  severity: 3,
  description:
    "An IAM user or the root user made thirty or more read-only List, Describe or Get calls outside the console within 5 minutes: a script mapping the account, as attackers do first with stolen long-term keys.",
  tactic: "discovery",
  techniques: ["T1580", "T1526", "T1087.004", "T1069.003"],
  table: "cloudtrail",
  where: () =>
    [
      "user_type IN ('IAMUser', 'Root')",
      "coalesce(source_ip_is_service, false) = false",
      "read_only = true",
      "coalesce(management_event, true) = true",
      "(event_name LIKE 'List%' OR event_name LIKE 'Describe%' OR event_name LIKE 'Get%')",
      `event_name NOT IN (${SECRET_READS.map((n) => `'${n}'`).join(", ")})`,
      // The console itself fires dozens of Describe calls per page: only programmatic calls count.
      "lower(coalesce(user_agent, '')) NOT LIKE '%console%'",
      "coalesce(user_agent, '') <> 'AWS Internal'",
    ].join(" AND "),
  key: () => "coalesce(user_arn, principal_id, '?')",
  threshold: 30,
  windowMinutes: 5,
  runbook: {
    check: [
      "Whether the user is expected to run scripts or tools against the account, and from this address.",
      "How many services the calls covered, and whether the same key went on to change anything.",
      "The user agent: enumeration frameworks and unfamiliar SDKs stand out against the team's usual CLI.",
    ],
    contain: ["Deactivate the user's access keys (or the root keys) and review what else they were used for."],
    falsePositives: [
      "Inventory or audit scripts run with a person's keys; move them to a role, or add an exception for the user.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html",
  ],
  fixtures: {
    // 34 calls over 11 services in about 3 minutes, over two files.
    fire: { objects: [fire.slice(0, 17), fire.slice(17)] },
    quiet: {
      objects: [
        // One under the threshold; then 35 calls at one every 40 seconds.
        sweep("2026-11-20T06:10:00Z", 29, 8),
        sweep("2026-11-20T07:00:00Z", 35, 40),
        // 35 calls within 3 minutes from the console, and by an assumed role.
        sweep("2026-11-20T09:00:00Z", 35, 5, iamUser("trent"), "AWS Internal"),
        sweep("2026-11-20T09:00:00Z", 35, 5, iamUser("trent"), "console.ec2.amazonaws.com"),
        sweep("2026-11-20T10:00:00Z", 35, 5, assumedRole("inventory", "scan")),
      ],
    },
  },
};
