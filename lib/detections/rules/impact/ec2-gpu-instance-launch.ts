import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { instanceTypeOf, LAUNCH_EVENTS, launchedByService, runInstances } from "./shared";

/** NVIDIA/AMD GPU instance families (P3–P6, G4–G6, Gr6), e.g. p4d.24xlarge, g5.xlarge, p6-b200.48xlarge. */
const GPU_TYPE = /^(?:p[3-6]|g[4-6]|gr6)[a-z0-9-]*\./;

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ec2-gpu-instance-launch",
  version: 1,
  title: "GPU EC2 instance launched",
  severity: 3,
  description:
    "A person or script (not an AWS scaling service) launched a GPU instance type (P or G family). GPU instances are expensive and are what attackers start with stolen credentials to mine cryptocurrency or run their own workloads.",
  tactic: "impact",
  techniques: ["T1496.001"],
  events: LAUNCH_EVENTS,
  match: (e) => e.ok && e.source === "ec2.amazonaws.com" && !launchedByService(e) && GPU_TYPE.test(instanceTypeOf(e)),
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  runbook: {
    check: [
      "Whether the account and principal run machine learning or graphics work; GPU launches from an account that never had them are the signal.",
      "The region, the image (public or unfamiliar images are suspicious) and the user data passed at launch.",
    ],
    contain: [
      "Terminate the instances and revoke the credentials that launched them.",
      "Limit GPU instance types to the teams that need them with a service control policy or service quotas.",
    ],
    falsePositives: [
      "Data science and rendering teams launching GPU instances by hand or from notebooks; add an exception for their roles.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html",
    "https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html",
  ],
  fixtures: {
    fire: [
      runInstances({ type: "p4d.24xlarge", count: 1 }),
      runInstances({ type: "g5.12xlarge", count: 2 }),
      trailRecord({
        eventSource: "ec2.amazonaws.com",
        eventName: "RequestSpotInstances",
        requestParameters: {
          instanceCount: 1,
          type: "one-time",
          launchSpecification: { imageId: "ami-0abcdef1234567890", instanceType: "g4dn.xlarge" },
        },
        responseElements: { spotInstanceRequestSet: { items: [{ spotInstanceRequestId: "sir-0f9e8d7c" }] } },
      }),
    ],
    quiet: [
      runInstances({ type: "m6i.large", count: 1 }),
      runInstances({ type: "g5.xlarge", count: 1, byAutoScaling: true }),
      runInstances({ type: "p5.48xlarge", count: 1, errorCode: "InsufficientInstanceCapacity" }),
    ],
  },
};
