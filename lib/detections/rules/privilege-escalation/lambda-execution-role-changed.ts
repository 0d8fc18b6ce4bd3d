import { iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "./shared";

const lambda = call("lambda");
const ROLE = "arn:aws:iam::111122223333:role/data-pipeline-admin";

const update = (requestParameters: Record<string, unknown>, errorCode?: string) =>
  lambda("UpdateFunctionConfiguration20150331v2", requestParameters, {
    userIdentity: iamUser("henry"),
    errorCode,
    responseElements: errorCode ? null : { functionName: "orders-api", role: requestParameters.role ?? null },
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "lambda-execution-role-changed",
  version: 1,
  title: "Lambda function given an execution role",
  severity: 3,
  description:
    "UpdateFunctionConfiguration set the execution role of a Lambda function (iam:PassRole). Pointing a function whose code one controls at a more privileged role, then invoking it, runs anything with that role's permissions.",
  tactic: "privilege-escalation",
  techniques: ["T1648", "T1078.004"],
  events: [
    "UpdateFunctionConfiguration",
    "UpdateFunctionConfiguration20150331",
    "UpdateFunctionConfiguration20150331v2",
  ],
  match: (e) => e.ok && e.param("role") !== "",
  dedup: { key: (e) => `${e.actor}|${e.param("functionName")}`, windowMinutes: 60 },
  resource: (e) => ({ type: "AwsLambdaFunction", id: e.param("functionName") || null }),
  runbook: {
    check: [
      "Whether the role actually changed (compare with the function's earlier configuration) and what the new role may do.",
      "Whether the same caller also changed the code (UpdateFunctionCode) or invoked the function soon after.",
    ],
    contain: ["Restore the previous role, and limit iam:PassRole for the caller to the roles its functions need."],
    falsePositives: [
      "Deployment tools send the role with every configuration update even when it is unchanged; add an exception for the deploying role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html",
    "https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html",
  ],
  fixtures: {
    fire: [update({ functionName: "orders-api", role: ROLE })],
    quiet: [
      update({ functionName: "orders-api", memorySize: 512, timeout: 30 }),
      update({ functionName: "orders-api", role: ROLE }, "AccessDeniedException"),
    ],
  },
};
