import { iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "../privilege-escalation/shared";

const cognito = call("cognito-idp");
const POOL = "us-east-1_aBcDeFgHi";
const HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";

const adminCreate = (errorCode?: string) =>
  cognito(
    "AdminCreateUser",
    {
      userPoolId: POOL,
      username: HIDDEN,
      userAttributes: HIDDEN,
      temporaryPassword: HIDDEN,
      messageAction: "SUPPRESS",
    },
    { userIdentity: iamUser("zoe"), errorCode },
  );

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "cognito-user-created-by-admin",
  version: 1,
  title: "Cognito user created through the admin API",
  severity: 2,
  description:
    "AdminCreateUser added a user to a Cognito user pool with AWS credentials, bypassing the application's own sign-up. An attacker with AWS access uses it to get an application account, often with the invitation suppressed.",
  tactic: "persistence",
  techniques: ["T1136"],
  events: ["AdminCreateUser"],
  match: (e) => e.ok,
  dedup: { key: (e) => `${e.actor}|${e.param("userPoolId")}`, windowMinutes: 60 },
  resource: (e) => ({ type: "AwsCognitoUserPool", id: e.param("userPoolId") || null }),
  runbook: {
    check: [
      "Whether the caller is the application's back end or a person, and whether messageAction was SUPPRESS (no invitation sent).",
      "The new user's groups in the pool (AdminAddUserToGroup by the same caller) and its sign-ins.",
    ],
    contain: [
      "Disable or delete the user (AdminDisableUser, AdminDeleteUser) and sign it out (AdminUserGlobalSignOut).",
    ],
    falsePositives: ["Back ends and support tools that create users by design; add an exception for their role."],
  },
  references: ["https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html"],
  fixtures: {
    fire: [adminCreate()],
    quiet: [
      adminCreate("AccessDeniedException"),
      cognito("AdminGetUser", { userPoolId: POOL, username: HIDDEN }, { readOnly: true }),
    ],
  },
};
