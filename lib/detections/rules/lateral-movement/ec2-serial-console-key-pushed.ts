import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const push = (errorCode?: string) =>
  trailRecord({
    eventSource: "ec2-instance-connect.amazonaws.com",
    eventName: "SendSerialConsoleSSHPublicKey",
    requestParameters: {
      instanceId: "i-0a1b2c3d4e5f67890",
      serialPort: 0,
      sSHPublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE",
    },
    responseElements: errorCode ? null : { requestId: "1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a", success: true },
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ec2-serial-console-key-pushed",
  version: 1,
  title: "SSH key pushed for an instance's serial console",
  severity: 4,
  description:
    "SendSerialConsoleSSHPublicKey opened the instance's serial console to an SSH key: console access that bypasses security groups and the network, meant for recovering broken instances.",
  tactic: "lateral-movement",
  techniques: ["T1021.004", "T1098.004"],
  events: ["SendSerialConsoleSSHPublicKey"],
  match: (e) => e.ok,
  resource: (e) => ({ type: "AwsEc2Instance", id: e.param("instanceId") || null }),
  runbook: {
    check: [
      "Whether there is an incident where someone had to recover this instance, and who enabled serial console access for the account (EnableSerialConsoleAccess).",
    ],
    contain: [
      "Disable serial console access for the account (DisableSerialConsoleAccess), remove the caller's permission, and check the instance for changes.",
    ],
    falsePositives: ["Recovering an instance that does not boot or has lost its network; note the incident and close."],
  },
  references: [
    "https://docs.aws.amazon.com/ec2-instance-connect/latest/APIReference/API_SendSerialConsoleSSHPublicKey.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-serial-console.html",
  ],
  fixtures: {
    fire: [push()],
    quiet: [push("SerialConsoleAccessDisabled")],
  },
};
