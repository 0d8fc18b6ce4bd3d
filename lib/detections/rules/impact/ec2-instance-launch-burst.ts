import { assumedRole, iamUser, trailRecord } from "../../fixtures";
import type { ThresholdRule } from "../../rule";

const REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "eu-west-1",
  "eu-central-1",
  "ap-southeast-1",
  "ap-northeast-1",
  "ap-south-1",
  "sa-east-1",
  "ca-central-1",
];
/** Refusals count as permission errors elsewhere; capacity and quota errors still show intent here. */
const DENIED = ["UnauthorizedOperation", "Client.UnauthorizedOperation"];

/** `n` times from `start`, `step` seconds apart, as CloudTrail writes them. */
const times = (start: string, n: number, step: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(start) + i * step * 1000).toISOString().replace(".000Z", "Z"),
  );

/** Who launches from where; `errorCode` fails every launch, or only the one at `errorAt`. */
type Launch = { who?: Record<string, unknown>; ip?: string; errorCode?: string; errorAt?: number };

/** RunInstances calls, one region after another, of large compute instances. */
const launches = (start: string, n: number, step: number, opts: Launch = {}) =>
  times(start, n, step).map((eventTime, i) =>
    trailRecord({
      eventSource: "ec2.amazonaws.com",
      eventName: "RunInstances",
      eventTime,
      awsRegion: REGIONS[i % REGIONS.length],
      userIdentity: opts.who ?? iamUser("ci-legacy"),
      sourceIPAddress: opts.ip ?? "198.51.100.81",
      requestParameters: {
        instancesSet: { items: [{ imageId: "ami-0abcdef1234567890", minCount: 1, maxCount: 1 }] },
        instanceType: "c5.24xlarge",
      },
      ...(opts.errorCode && (opts.errorAt ?? i) === i ? { errorCode: opts.errorCode } : {}),
    }),
  );

// The fifth launch found no capacity in its region: still an attempt.
const fire = launches("2026-11-20T09:20:00Z", 11, 120, {
  errorCode: "Server.InsufficientInstanceCapacity",
  errorAt: 4,
});

export const rule: ThresholdRule = {
  kind: "threshold",
  id: "ec2-instance-launch-burst",
  version: 1,
  title: "Burst of EC2 instance launches by one principal",
  severity: 4,
  description:
    "One principal called RunInstances ten or more times within 30 minutes, outside any AWS service such as Auto Scaling: typical of stolen keys used to start mining instances, often in region after region.",
  tactic: "impact",
  techniques: ["T1496", "T1578.002"],
  table: "cloudtrail",
  where: () =>
    `event_source = 'ec2.amazonaws.com' AND event_name = 'RunInstances' AND (error_code IS NULL OR error_code NOT IN (${DENIED.map((c) => `'${c}'`).join(", ")})) AND coalesce(source_ip_is_service, false) = false`,
  key: () => "coalesce(user_arn, principal_id, '?')",
  threshold: 10,
  windowMinutes: 30,
  runbook: {
    check: [
      "The regions and instance types of the launches: GPU or large compute types in regions you do not use are the signature of mining.",
      "Whether the principal normally launches instances itself (deployment pipelines) and from this address.",
    ],
    contain: [
      "Deactivate the principal's credentials, terminate the instances it started in every region, and check for new key pairs, users or roles it created.",
    ],
    falsePositives: [
      "Infrastructure-as-code deployments that create many single instances; add an exception for the pipeline's role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/monitor-with-cloudtrail.html",
  ],
  fixtures: {
    // Eleven launches in eleven regions within 20 minutes, over two files.
    fire: { objects: [fire.slice(0, 6), fire.slice(6)] },
    quiet: {
      objects: [
        // One under the threshold; then eleven launches six minutes apart (five at most in 30 minutes).
        launches("2026-11-20T06:00:00Z", 9, 120),
        launches("2026-11-20T07:00:00Z", 11, 360),
        // Eleven launches by Auto Scaling, and eleven refused ones.
        launches("2026-11-20T10:00:00Z", 11, 60, {
          who: assumedRole("AWSServiceRoleForAutoScaling", "AutoScaling"),
          ip: "autoscaling.amazonaws.com",
        }),
        launches("2026-11-20T11:00:00Z", 11, 60, { errorCode: "Client.UnauthorizedOperation" }),
      ],
    },
  },
};
