import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const push = (errorCode?: string) =>
  trailRecord({
    eventSource: "ec2-instance-connect.amazonaws.com",
    eventName: "SendSSHPublicKey",
    requestParameters: {
      instanceId: "i-0a1b2c3d4e5f67890",
      instanceOSUser: "ec2-user",
      sSHPublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE",
    },
    responseElements: errorCode ? null : { requestId: "8c7b6a5f-4e3d-4c2b-9a1f-0e9d8c7b6a5f", success: true },
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ec2-instance-connect-key-pushed",
  version: 1,
  title: "SSH key pushed to an instance with EC2 Instance Connect",
  severity: 3,
  description:
    "SendSSHPublicKey installed an SSH public key for an operating system user on an instance for 60 seconds: enough to log in and, from the instance, use its role credentials.",
  tactic: "lateral-movement",
  techniques: ["T1021.004", "T1098.004"],
  events: ["SendSSHPublicKey"],
  match: (e) => e.ok,
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  resource: (e) => ({ type: "AwsEc2Instance", id: e.param("instanceId") || null }),
  runbook: {
    check: [
      "Whether the principal administers the instance, and how many instances it pushed keys to (the finding's count).",
      "SSH connections to the instance right after (VPC Flow to port 22) and from where.",
    ],
    contain: [
      "Remove ec2-instance-connect:SendSSHPublicKey from the principal, check the instance for new users or keys, and rotate its role credentials if it was used.",
    ],
    falsePositives: [
      "Engineers using the console's EC2 Instance Connect button or the EC2 Instance Connect endpoint; add exceptions for the administrators' role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/ec2-instance-connect/latest/APIReference/API_SendSSHPublicKey.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/connect-linux-inst-eic.html",
  ],
  fixtures: {
    fire: [push()],
    quiet: [push("AccessDenied")],
  },
};
