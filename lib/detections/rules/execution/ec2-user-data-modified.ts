import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const INSTANCE = "i-0a1b2c3d4e5f67890";

const modify = (requestParameters: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName: "ModifyInstanceAttribute",
    requestParameters: { instanceId: INSTANCE, ...requestParameters },
    responseElements: errorCode ? null : { requestId: "5f0e9d8c-7b6a-4f5e-9d8c-7b6a5f4e3d2c", _return: true },
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ec2-user-data-modified",
  version: 1,
  title: "EC2 instance user data replaced",
  severity: 3,
  description:
    "ModifyInstanceAttribute replaced a stopped instance's user data. Scripts in user data run as root when the instance starts, so this is a way to run code on it without logging in.",
  tactic: "execution",
  techniques: ["T1059.009", "T1578"],
  events: ["ModifyInstanceAttribute"],
  match: (e) => e.ok && (e.req?.userData !== undefined || e.param("attribute") === "userData"),
  resource: (e) => ({ type: "AwsEc2Instance", id: e.param("instanceId") || null }),
  runbook: {
    check: [
      "Whether the change is part of a deployment, and the new user data (DescribeInstanceAttribute on the instance).",
      "Whether StopInstances came just before and StartInstances just after from the same principal.",
    ],
    contain: [
      "Restore the known-good user data before the instance starts again; if it already ran, isolate the instance and rotate its role credentials.",
    ],
    falsePositives: [
      "Configuration changes made through infrastructure code on stopped instances; add an exception for the deploy role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceAttribute.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html",
  ],
  fixtures: {
    fire: [
      modify({ userData: "<sensitiveDataRemoved>" }),
      modify({ attribute: "userData", value: "<sensitiveDataRemoved>" }),
    ],
    quiet: [
      modify({ instanceType: { value: "t3.large" } }),
      modify({ userData: "<sensitiveDataRemoved>" }, "IncorrectInstanceState"),
    ],
  },
};
