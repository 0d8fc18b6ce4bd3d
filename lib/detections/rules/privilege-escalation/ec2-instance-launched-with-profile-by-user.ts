import { assumedRole, iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { call } from "./shared";

const ec2 = call("ec2");

/** The instance profile RunInstances passed, by name or ARN ("" when none). */
const profileOf = (e: TrailEvent): string => {
  const p = e.req?.iamInstanceProfile;
  if (typeof p !== "object" || p === null) return "";
  const { name, arn } = p as Record<string, unknown>;
  return typeof arn === "string" ? arn : typeof name === "string" ? name : "";
};

const firstInstance = (e: TrailEvent): string | null => {
  const set = e.resp?.instancesSet as { items?: { instanceId?: unknown }[] } | undefined;
  const id = set?.items?.[0]?.instanceId;
  return typeof id === "string" ? id : null;
};

const run = (identity: Record<string, unknown>, profile: Record<string, string> | null, errorCode?: string) =>
  ec2(
    "RunInstances",
    {
      instancesSet: { items: [{ imageId: "ami-0abcdef1234567890", minCount: 1, maxCount: 1 }] },
      instanceType: "t3.micro",
      subnetId: "subnet-0a1b2c3d",
      ...(profile ? { iamInstanceProfile: profile } : {}),
      monitoring: { enabled: false },
      disableApiTermination: false,
    },
    {
      userIdentity: identity,
      errorCode,
      responseElements: errorCode
        ? null
        : { instancesSet: { items: [{ instanceId: "i-0123456789abcdef0", instanceType: "t3.micro" }] } },
    },
  );

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ec2-instance-launched-with-profile-by-user",
  version: 1,
  title: "IAM user launched an instance with an instance profile",
  severity: 2,
  description:
    "An IAM user (long-lived credentials, usually a person) launched an EC2 instance carrying an instance profile (iam:PassRole). Code on the instance can read the role's credentials from the metadata service, so a user can borrow any role it may pass.",
  tactic: "privilege-escalation",
  techniques: ["T1078.004", "T1552.005"],
  events: ["RunInstances"],
  match: (e) => e.ok && e.userType === "IAMUser" && profileOf(e) !== "",
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  resource: (e) => ({ type: "AwsEc2Instance", id: firstInstance(e) }),
  runbook: {
    check: [
      "What the profile's role may do compared with the user's own permissions; a broader role is the escalation.",
      "Whether the instance was reachable by the user (key pair, SSM, user data) and whether the role's credentials were used from outside EC2.",
    ],
    contain: [
      "Terminate or stop the instance, disassociate the profile, and limit iam:PassRole for the user to the roles it needs.",
    ],
    falsePositives: [
      "Engineers launching test instances by hand; tune with an exception for the user and the usual profile, or move launches to templates run by a role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
  ],
  fixtures: {
    fire: [
      run(iamUser("ivan"), { name: "ec2-admin-profile" }),
      run(iamUser("ivan"), { arn: "arn:aws:iam::111122223333:instance-profile/ec2-admin-profile" }),
    ],
    quiet: [
      run(iamUser("ivan"), null),
      run(assumedRole("autoscaling-deployer", "asg"), { name: "web-profile" }),
      run(iamUser("ivan"), { name: "ec2-admin-profile" }, "Client.UnauthorizedOperation"),
    ],
  },
};
