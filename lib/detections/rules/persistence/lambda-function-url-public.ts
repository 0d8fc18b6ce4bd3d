import { assumedRole } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "../privilege-escalation/shared";

const lambda = call("lambda");
const FN = "arn:aws:lambda:us-east-1:111122223333:function:report-export";

const urlConfig = (eventName: string, authType: string, errorCode?: string) =>
  lambda(
    eventName,
    { functionName: "report-export", authType },
    {
      userIdentity: assumedRole("dev", "wendy"),
      errorCode,
      responseElements: errorCode
        ? null
        : {
            functionUrl: "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/",
            functionArn: FN,
            authType,
            creationTime: "2026-11-20T10:05:00.000000Z",
          },
    },
  );

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "lambda-function-url-public",
  version: 1,
  title: "Lambda function URL without authentication",
  severity: 4,
  description:
    "A Lambda function URL was created or changed with AuthType NONE: anyone on the internet who knows the URL can run the function with its execution role, an easy backdoor into the account.",
  tactic: "persistence",
  techniques: ["T1133", "T1648"],
  events: [
    "CreateFunctionUrlConfig",
    "CreateFunctionUrlConfig20211031",
    "UpdateFunctionUrlConfig",
    "UpdateFunctionUrlConfig20211031",
  ],
  match: (e) => e.ok && e.param("authType").toUpperCase() === "NONE",
  resource: (e) => ({ type: "AwsLambdaFunction", id: e.param("functionName") || null }),
  runbook: {
    check: [
      "What the function does and what its execution role may do; who created the URL and whether it serves a public webhook on purpose.",
      "Recent changes to the function's code by the same caller.",
    ],
    contain: [
      "Switch the URL to AWS_IAM or delete it (DeleteFunctionUrlConfig), and remove the public statement from the function's resource policy.",
    ],
    falsePositives: [
      "Public webhooks and small public APIs that do their own authentication; add an exception for the function.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunctionUrlConfig.html",
    "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
  ],
  fixtures: {
    fire: [urlConfig("CreateFunctionUrlConfig20211031", "NONE"), urlConfig("UpdateFunctionUrlConfig20211031", "NONE")],
    quiet: [
      urlConfig("CreateFunctionUrlConfig20211031", "AWS_IAM"),
      urlConfig("CreateFunctionUrlConfig20211031", "NONE", "AccessDeniedException"),
    ],
  },
};
