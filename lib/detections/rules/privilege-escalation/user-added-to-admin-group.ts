import { assumedRole } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "./shared";

const iam = call("iam");

/** Group names that usually carry administrator rights. */
const ADMIN_GROUP = /admin|power-?users?|super-?users?|root|full-?access|break-?glass/i;

const addToGroup = (groupName: string, errorCode?: string) =>
  iam(
    "AddUserToGroup",
    { groupName, userName: "mallory" },
    { userIdentity: assumedRole("helpdesk", "frank"), errorCode },
  );

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "user-added-to-admin-group",
  version: 1,
  title: "IAM user added to an administrator group",
  severity: 4,
  description:
    "AddUserToGroup put a user into a group whose name marks it as privileged (admin, power users, break-glass…): the user gains every permission of the group.",
  tactic: "privilege-escalation",
  techniques: ["T1098.003"],
  events: ["AddUserToGroup"],
  match: (e) => e.ok && ADMIN_GROUP.test(e.param("groupName")),
  resource: (e) => ({ type: "AwsIamUser", id: e.param("userName") || null }),
  runbook: {
    check: [
      "Which policies the group holds (ListAttachedGroupPolicies, ListGroupPolicies) and whether the user is the caller itself.",
      "Whether there is a change request for the membership, and whether the user is new.",
    ],
    contain: ["Remove the user from the group (RemoveUserFromGroup) and review what the user did since."],
    falsePositives: [
      "Onboarding of administrators; tune by adding an exception for the identity team's role, or rename groups whose name only looks privileged.",
    ],
  },
  references: ["https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddUserToGroup.html"],
  fixtures: {
    fire: [addToGroup("Administrators"), addToGroup("prod-break-glass")],
    quiet: [addToGroup("developers"), addToGroup("Administrators", "AccessDenied")],
  },
};
