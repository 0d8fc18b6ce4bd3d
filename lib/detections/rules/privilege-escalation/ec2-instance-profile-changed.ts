import { assumedRole } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { call } from "./shared";

const ec2 = call("ec2");
type Obj = Record<string, unknown>;

/** EC2's newer APIs wrap parameters in `<Action>Request`; older records have them flat. */
const requestOf = (e: TrailEvent): Obj => {
  const inner = e.req?.[`${e.name}Request`];
  return typeof inner === "object" && inner !== null ? (inner as Obj) : (e.req ?? {});
};
const text = (o: Obj, ...keys: string[]): string => {
  for (const k of keys) if (typeof o[k] === "string") return o[k] as string;
  return "";
};
const instanceOf = (e: TrailEvent): string | null => {
  const direct = text(requestOf(e), "InstanceId", "instanceId");
  if (direct) return direct;
  const match = JSON.stringify(e.resp ?? {}).match(/"instanceId":"(i-[0-9a-f]+)"/i);
  return match?.[1] ?? null;
};

const PROFILE = { Arn: "arn:aws:iam::111122223333:instance-profile/admin-profile" };

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ec2-instance-profile-changed",
  version: 1,
  title: "Instance profile attached to or swapped on a running instance",
  severity: 3,
  description:
    "AssociateIamInstanceProfile or ReplaceIamInstanceProfileAssociation gave an existing instance a (new) role. Anyone with a shell on the instance now holds that role's credentials through the metadata service.",
  tactic: "privilege-escalation",
  techniques: ["T1078.004", "T1552.005"],
  events: ["AssociateIamInstanceProfile", "ReplaceIamInstanceProfileAssociation"],
  match: (e) => e.ok,
  resource: (e) => ({ type: "AwsEc2Instance", id: instanceOf(e) }),
  runbook: {
    check: [
      "Which role the profile carries and who has access to the instance (SSM sessions, SSH keys, user data).",
      "Whether the role's credentials were used afterwards from an address outside the instance.",
    ],
    contain: ["Disassociate the profile (DisassociateIamInstanceProfile) and revoke the role's active sessions."],
    falsePositives: ["Fleet maintenance rotating profiles through automation; add an exception for that role."],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateIamInstanceProfile.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReplaceIamInstanceProfileAssociation.html",
  ],
  fixtures: {
    fire: [
      ec2(
        "AssociateIamInstanceProfile",
        { AssociateIamInstanceProfileRequest: { InstanceId: "i-0123456789abcdef0", IamInstanceProfile: PROFILE } },
        {
          userIdentity: assumedRole("ops", "jack"),
          responseElements: {
            AssociateIamInstanceProfileResponse: {
              iamInstanceProfileAssociation: {
                associationId: "iip-assoc-0a1b2c3d4e5f60718",
                instanceId: "i-0123456789abcdef0",
                state: "associating",
              },
            },
          },
        },
      ),
      ec2("ReplaceIamInstanceProfileAssociation", {
        ReplaceIamInstanceProfileAssociationRequest: {
          AssociationId: "iip-assoc-0a1b2c3d4e5f60718",
          IamInstanceProfile: { Name: "admin-profile" },
        },
      }),
    ],
    quiet: [
      ec2(
        "AssociateIamInstanceProfile",
        { AssociateIamInstanceProfileRequest: { InstanceId: "i-0123456789abcdef0", IamInstanceProfile: PROFILE } },
        { errorCode: "Client.UnauthorizedOperation" },
      ),
      ec2("DisassociateIamInstanceProfile", {
        DisassociateIamInstanceProfileRequest: { AssociationId: "iip-assoc-0a1b2c3d4e5f60718" },
      }),
    ],
  },
};
