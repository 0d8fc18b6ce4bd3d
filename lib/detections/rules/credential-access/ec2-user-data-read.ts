import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const readAttribute = (attribute: string, errorCode?: string) =>
  trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName: "DescribeInstanceAttribute",
    requestParameters: { instanceId: "i-0a1b2c3d4e5f67890", attribute },
    readOnly: true,
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ec2-user-data-read",
  version: 1,
  title: "EC2 instance user data read",
  severity: 2,
  description:
    "DescribeInstanceAttribute returned an instance's user data: boot scripts often hold passwords, tokens or keys, so attackers read them early.",
  tactic: "credential-access",
  techniques: ["T1552"],
  events: ["DescribeInstanceAttribute"],
  match: (e) => e.ok && e.param("attribute") === "userData",
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  resource: (e) => ({ type: "AwsEc2Instance", id: e.param("instanceId") || null }),
  runbook: {
    check: [
      "How many instances the principal read (the finding's count) and whether it manages them.",
      "Whether the user data of those instances holds secrets, and whether they were used from elsewhere since.",
    ],
    contain: [
      "Rotate any secret found in user data and move it to Secrets Manager or Parameter Store.",
      "Limit ec2:DescribeInstanceAttribute to the teams that run the instances.",
    ],
    falsePositives: [
      "Engineers viewing user data in the console, and configuration scanners; add an exception for the scanner's role.",
    ],
  },
  references: ["https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceAttribute.html"],
  fixtures: {
    fire: [readAttribute("userData")],
    quiet: [readAttribute("instanceType"), readAttribute("userData", "Client.UnauthorizedOperation")],
  },
};
