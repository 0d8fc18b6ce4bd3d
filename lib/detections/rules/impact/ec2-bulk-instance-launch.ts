import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { LAUNCH_EVENTS, launchedByService, requestedCount, runInstances } from "./shared";

const BULK = 10;

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ec2-bulk-instance-launch",
  version: 1,
  title: "Ten or more EC2 instances launched in one call",
  severity: 3,
  description: `A person or script (not an AWS scaling service) asked for ${BULK} or more EC2 instances in a single RunInstances or spot request, the way stolen credentials are used to start a mining fleet.`,
  tactic: "impact",
  techniques: ["T1496.001"],
  events: LAUNCH_EVENTS,
  match: (e) => e.ok && e.source === "ec2.amazonaws.com" && !launchedByService(e) && requestedCount(e) >= BULK,
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  runbook: {
    check: [
      "The instance types, image and region: unfamiliar public images, large types or a region the account does not use point to mining.",
      "Whether the principal normally launches instances, and where the call came from.",
    ],
    contain: [
      "Terminate the instances, and deactivate the access key or revoke the role sessions that launched them.",
      "Set service quotas or a service control policy limiting instance types and regions.",
    ],
    falsePositives: [
      "Load tests, batch and CI jobs that start fleets through their own roles; add an exception for those roles.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RequestSpotInstances.html",
  ],
  fixtures: {
    fire: [
      runInstances({ type: "c5.4xlarge", count: 20 }),
      trailRecord({
        eventSource: "ec2.amazonaws.com",
        eventName: "RequestSpotInstances",
        requestParameters: {
          instanceCount: 12,
          type: "one-time",
          launchSpecification: { imageId: "ami-0abcdef1234567890", instanceType: "c6i.8xlarge" },
        },
        responseElements: { spotInstanceRequestSet: { items: [{ spotInstanceRequestId: "sir-0a1b2c3d" }] } },
      }),
    ],
    quiet: [
      runInstances({ type: "c5.4xlarge", count: 2 }),
      runInstances({ type: "c5.4xlarge", count: 20, byAutoScaling: true }),
      runInstances({ type: "c5.4xlarge", count: 20, errorCode: "InstanceLimitExceeded" }),
    ],
  },
};
