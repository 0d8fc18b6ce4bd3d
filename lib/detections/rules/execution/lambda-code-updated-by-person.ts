import { assumedRole, iamUser, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";

const FUNCTION = "billing-export";

/**
 * A person rather than a pipeline: an IAM user, or an IAM Identity Center session (its roles are
 * named AWSReservedSSO_<permission set>_<id>). Deploy pipelines use their own roles.
 */
const byPerson = (e: TrailEvent) =>
  e.userType === "IAMUser" ||
  (e.userType === "AssumedRole" && String(e.row.session_issuer_user_name ?? "").startsWith("AWSReservedSSO_"));

const update = (userIdentity: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "lambda.amazonaws.com",
    eventName: "UpdateFunctionCode20150331v2",
    userIdentity,
    requestParameters: { functionName: FUNCTION, publish: false, dryRun: false },
    responseElements: errorCode
      ? null
      : {
          functionName: FUNCTION,
          functionArn: `arn:aws:lambda:us-east-1:111122223333:function:${FUNCTION}`,
          runtime: "python3.12",
          handler: "app.handler",
          codeSize: 48213,
          codeSha256: "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=",
          version: "$LATEST",
          lastModified: "2026-11-20T10:05:00.000+0000",
        },
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "lambda-code-updated-by-person",
  version: 1,
  title: "Lambda function code replaced by a person",
  severity: 3,
  description:
    "A Lambda function's code was replaced by an IAM user or an Identity Center (SSO) session instead of the deploy pipeline. New code runs with the function's role on its next invocation.",
  tactic: "execution",
  techniques: ["T1648"],
  events: ["UpdateFunctionCode20150331v2", "UpdateFunctionCode"],
  match: (e) => e.ok && byPerson(e),
  resource: (e) => ({ type: "AwsLambdaFunction", id: e.param("functionName") || null }),
  runbook: {
    check: [
      "Whether the change matches a release or an incident fix, and what the new code does (download it with GetFunction).",
      "What permissions the function's role has, and whether the function was invoked since.",
    ],
    contain: [
      "Roll back to the last published version from the pipeline and review the function's role activity since the change.",
    ],
    falsePositives: [
      "Hot fixes made by hand in the console, and teams that deploy with their own IAM user; the heuristic treats IAM users and SSO sessions as people and any other role as a pipeline. Move such deployments to the pipeline role.",
    ],
  },
  references: ["https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionCode.html"],
  fixtures: {
    fire: [
      update(iamUser("liam")),
      update(assumedRole("AWSReservedSSO_PowerUser_1a2b3c4d5e6f7a8b", "liam@example.com")),
    ],
    quiet: [update(assumedRole("github-deploy", "run-7781")), update(iamUser("liam"), "AccessDeniedException")],
  },
};
