import { iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "./shared";

const iam = call("iam");

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "permissions-boundary-removed",
  version: 1,
  title: "Permissions boundary removed from a user or role",
  severity: 4,
  description:
    "DeleteUserPermissionsBoundary or DeleteRolePermissionsBoundary lifted the ceiling on what a user or role may do: its own policies now apply in full, which is how delegated administrators escape their limits.",
  tactic: "privilege-escalation",
  techniques: ["T1098.003"],
  events: ["DeleteUserPermissionsBoundary", "DeleteRolePermissionsBoundary"],
  match: (e) => e.ok,
  resource: (e) =>
    e.name === "DeleteUserPermissionsBoundary"
      ? { type: "AwsIamUser", id: e.param("userName") || null }
      : { type: "AwsIamRole", id: e.param("roleName") || null },
  runbook: {
    check: [
      "What the identity's own policies allow without the boundary, and whether the caller is that identity or can assume it.",
      "Whether the boundary was replaced right after (PutUserPermissionsBoundary, PutRolePermissionsBoundary).",
    ],
    contain: ["Put the boundary back and review the identity's actions since it was removed."],
    falsePositives: ["Infrastructure code replacing a boundary in two steps; add an exception for the deploying role."],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUserPermissionsBoundary.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRolePermissionsBoundary.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html",
  ],
  fixtures: {
    fire: [
      iam("DeleteUserPermissionsBoundary", { userName: "dev-bob" }, { userIdentity: iamUser("dev-bob") }),
      iam("DeleteRolePermissionsBoundary", { roleName: "team-a-lambda" }),
    ],
    quiet: [
      iam("DeleteRolePermissionsBoundary", { roleName: "team-a-lambda" }, { errorCode: "AccessDenied" }),
      iam("PutRolePermissionsBoundary", {
        roleName: "team-a-lambda",
        permissionsBoundary: "arn:aws:iam::111122223333:policy/team-boundary",
      }),
    ],
  },
};
