import { assumedRole } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { consoleLogin, consoleLoginSucceeded } from "../initial-access/shared";
import { federatedUser } from "./shared";

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "console-login-as-federated-user",
  version: 1,
  title: "Console session opened from an IAM user's access key",
  severity: 3,
  description:
    "A console sign-in came from a federated user: a session made with GetFederationToken from an IAM user's access key and exchanged for a sign-in token. It turns a stolen key into a browser session that outlives the key.",
  tactic: "lateral-movement",
  techniques: ["T1550.001", "T1078.004"],
  events: ["ConsoleLogin"],
  match: (e) => e.userType === "FederatedUser" && consoleLoginSucceeded(e),
  resource: (e) => ({ type: "AwsIamUser", id: (e.row.session_issuer_user_name as string | null) ?? null }),
  runbook: {
    check: [
      "Which IAM user issued the session (sessionContext.sessionIssuer) and whether that user runs a known federation broker or developer tool.",
      "Where the key that made the GetFederationToken call was used from, and what the console session did.",
    ],
    contain: [
      "Attach a deny-all inline policy to the issuing IAM user (it binds the federated session too), then rotate the user's access keys.",
    ],
    falsePositives: [
      "Custom identity brokers and developer tools that open the console from a key (for example aws-vault login); add an exception for the issuing user.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html",
    "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html",
  ],
  fixtures: {
    fire: [consoleLogin({ userIdentity: federatedUser("olga-tmp", "olga"), mfaUsed: "No" })],
    quiet: [
      consoleLogin({ userIdentity: federatedUser("olga-tmp", "olga"), mfaUsed: "No", failed: true }),
      consoleLogin({ userIdentity: assumedRole("AWSReservedSSO_ReadOnly_9a8b7c6d5e4f3a2b", "olga"), mfaUsed: "No" }),
    ],
  },
};
