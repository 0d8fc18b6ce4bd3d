import { iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "../privilege-escalation/shared";

const iam = call("iam");
const ARN = "arn:aws:iam::111122223333:oidc-provider/auth.example.net";

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "oidc-provider-created",
  version: 1,
  title: "OpenID Connect identity provider added or given a new audience",
  severity: 3,
  description:
    "CreateOpenIDConnectProvider or AddClientIDToOpenIDConnectProvider made the account trust tokens from an OIDC issuer (or a new client of it). Roles that trust the provider can then be assumed with tokens from outside AWS.",
  tactic: "persistence",
  techniques: ["T1484.002"],
  events: ["CreateOpenIDConnectProvider", "AddClientIDToOpenIDConnectProvider"],
  match: (e) => e.ok,
  resource: (e) => {
    const arn =
      e.param("openIDConnectProviderArn") ||
      (typeof e.resp?.openIDConnectProviderArn === "string" ? e.resp.openIDConnectProviderArn : "");
    return { type: "AwsIamOidcProvider", id: arn || e.param("url") || null };
  },
  runbook: {
    check: [
      "Whether the issuer URL is one your teams use (your CI system, your Kubernetes clusters) and who created it.",
      "Which roles trust the provider and how their trust conditions limit the token's subject and audience.",
    ],
    contain: ["Delete the provider or the added client id, and revoke sessions of roles that trust it."],
    falsePositives: [
      "CI/CD (GitHub Actions, GitLab) and EKS clusters set up by infrastructure code; add an exception for the deploying role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateOpenIDConnectProvider.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddClientIDToOpenIDConnectProvider.html",
  ],
  fixtures: {
    fire: [
      iam(
        "CreateOpenIDConnectProvider",
        {
          url: "https://auth.example.net",
          clientIDList: ["sts.amazonaws.com"],
          thumbprintList: ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"],
        },
        { userIdentity: iamUser("uma"), responseElements: { openIDConnectProviderArn: ARN } },
      ),
      iam("AddClientIDToOpenIDConnectProvider", { openIDConnectProviderArn: ARN, clientID: "attacker-app" }),
    ],
    quiet: [
      iam(
        "CreateOpenIDConnectProvider",
        { url: "https://auth.example.net", clientIDList: ["sts.amazonaws.com"] },
        {
          errorCode: "AccessDenied",
        },
      ),
      iam("DeleteOpenIDConnectProvider", { openIDConnectProviderArn: ARN }),
    ],
  },
};
