import { iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "../privilege-escalation/shared";

const lambda = call("lambda");

/** Parameters that keep a "*" principal to one source, account or organization. */
const SCOPES = ["sourceArn", "sourceAccount", "principalOrgID", "organizationId"];

const addPermission = (extra: Record<string, unknown>, errorCode?: string) =>
  lambda(
    "AddPermission20150331v2",
    { functionName: "billing-sync", statementId: "invoke-1", action: "lambda:InvokeFunction", ...extra },
    { userIdentity: iamUser("xavier"), errorCode },
  );

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "lambda-resource-policy-public",
  version: 1,
  title: "Lambda function or layer shared with everyone",
  severity: 4,
  description:
    'AddPermission or AddLayerVersionPermission granted principal "*" with no source, account or organization condition: any AWS account can invoke the function (running its role) or read the layer\'s code.',
  tactic: "persistence",
  techniques: ["T1133", "T1648"],
  events: [
    "AddPermission",
    "AddPermission20150331",
    "AddPermission20150331v2",
    "AddLayerVersionPermission",
    "AddLayerVersionPermission20181031",
  ],
  match: (e) => e.ok && e.param("principal") === "*" && SCOPES.every((k) => e.param(k) === ""),
  resource: (e) =>
    e.param("layerName")
      ? { type: "AwsLambdaLayerVersion", id: `${e.param("layerName")}:${String(e.req?.versionNumber ?? "")}` }
      : { type: "AwsLambdaFunction", id: e.param("functionName") || null },
  runbook: {
    check: [
      "The statement added (GetPolicy or GetLayerVersionPolicy) and what the function's role may do.",
      "Invocations of the function from other accounts since (CloudTrail data events or the function's logs).",
    ],
    contain: ["Remove the statement (RemovePermission, RemoveLayerVersionPermission) by its statement id."],
    falsePositives: [
      "Layers published for public use, and functions behind an API that does its own authentication; add an exception for the function or layer.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html",
    "https://docs.aws.amazon.com/lambda/latest/api/API_AddLayerVersionPermission.html",
  ],
  fixtures: {
    fire: [
      addPermission({ principal: "*" }),
      lambda("AddLayerVersionPermission20181031", {
        layerName: "shared-utils",
        versionNumber: 7,
        statementId: "public",
        action: "lambda:GetLayerVersion",
        principal: "*",
      }),
    ],
    quiet: [
      addPermission({ principal: "*", sourceArn: "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*/POST/sync" }),
      addPermission({ principal: "s3.amazonaws.com", sourceAccount: "111122223333" }),
      addPermission({ principal: "*" }, "AccessDeniedException"),
      lambda("AddLayerVersionPermission20181031", {
        layerName: "shared-utils",
        versionNumber: 7,
        statementId: "org",
        action: "lambda:GetLayerVersion",
        principal: "*",
        organizationId: "o-a1b2c3d4e5",
      }),
    ],
  },
};
