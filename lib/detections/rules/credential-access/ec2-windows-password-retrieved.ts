import { assumedRole, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const INSTANCE = "i-0a1b2c3d4e5f67890";

const call = (eventName: string, errorCode?: string) =>
  trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName,
    userIdentity: assumedRole("ops", "henry"),
    requestParameters: { instanceId: INSTANCE },
    readOnly: true,
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ec2-windows-password-retrieved",
  version: 1,
  title: "Windows administrator password retrieved from EC2",
  severity: 3,
  description:
    "GetPasswordData returned the encrypted Administrator password of a Windows instance; whoever holds the launch key pair can decrypt it and log in over RDP.",
  tactic: "credential-access",
  techniques: ["T1552"],
  events: ["GetPasswordData"],
  match: (e) => e.ok,
  dedup: { key: (e) => `${e.actor}|${e.param("instanceId")}`, windowMinutes: 60 },
  resource: (e) => ({ type: "AwsEc2Instance", id: e.param("instanceId") || null }),
  runbook: {
    check: [
      "Whether the caller administers that instance, and whether RDP sign-ins to it followed (VPC Flow to port 3389).",
      "How many instances the same principal asked for in a short time: one is routine, many is collection.",
    ],
    contain: [
      "Change the local Administrator password on the instance and restrict ec2:GetPasswordData to the administrators' role.",
    ],
    falsePositives: [
      "Administrators using the console's Get Windows password button; move them to Fleet Manager or Session Manager so the password is not needed.",
    ],
  },
  references: ["https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetPasswordData.html"],
  fixtures: {
    fire: [call("GetPasswordData")],
    quiet: [call("GetPasswordData", "Client.UnauthorizedOperation"), call("GetConsoleOutput")],
  },
};
