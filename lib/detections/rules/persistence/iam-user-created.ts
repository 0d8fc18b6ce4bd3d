import { assumedRole } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "../privilege-escalation/shared";

const iam = call("iam");

const createUser = (userName: string, errorCode?: string) =>
  iam(
    "CreateUser",
    { userName },
    {
      userIdentity: assumedRole("ops", "liam"),
      errorCode,
      responseElements: errorCode
        ? null
        : {
            user: {
              path: "/",
              userName,
              userId: "AIDACKCEVSQ6C2EXAMPLE",
              arn: `arn:aws:iam::111122223333:user/${userName}`,
              createDate: "Nov 20, 2026 10:05:00 AM",
            },
          },
    },
  );

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "iam-user-created",
  version: 1,
  title: "IAM user created",
  severity: 2,
  description:
    "CreateUser added an IAM user. Users carry long-lived passwords and keys; in accounts that sign people in through a central identity provider, a new one is often an attacker's spare way back in.",
  tactic: "persistence",
  techniques: ["T1136.003"],
  events: ["CreateUser"],
  match: (e) => e.ok,
  resource: (e) => ({ type: "AwsIamUser", id: e.param("userName") || null }),
  runbook: {
    check: [
      "Who created the user, and what followed for it: CreateLoginProfile, CreateAccessKey, policies or group memberships.",
      "Whether the name imitates an existing user or service.",
    ],
    contain: ["Delete the user's keys and login profile, detach its policies and delete it if nobody owns it."],
    falsePositives: [
      "Service users created by infrastructure code; add an exception for the deploying role, or move the workload to roles.",
    ],
  },
  references: ["https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html"],
  fixtures: {
    fire: [createUser("support-sync")],
    quiet: [
      createUser("support-sync", "AccessDenied"),
      iam("GetUser", { userName: "support-sync" }, { readOnly: true }),
    ],
  },
};
