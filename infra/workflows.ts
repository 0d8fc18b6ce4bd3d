// The state machines and the Lambdas behind their Task states. The definition is the repo's ASL file
// (workflows/*.asl.json) with its ${…FunctionArn} placeholders filled in: nothing here copies it.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Placeholder → the handler export that serves it (lib/handlers/workflows/application-review.ts). */
export const APPLICATION_REVIEW_FUNCTIONS = {
  ValidateNameFunctionArn: "validateName",
  ValidateAddressFunctionArn: "validateAddress",
  RegisterReviewFunctionArn: "registerReview",
  RecordOutcomeFunctionArn: "recordOutcome",
  RecordFailureFunctionArn: "recordFailure",
} as const;

export const aslFile = (workflow: string) => join(process.cwd(), "workflows", `${workflow}.asl.json`);

/** The definition text with ARNs substituted (what Step Functions receives). */
export function definitionFor(workflow: string, arns: Record<string, string>): string {
  return readFileSync(aslFile(workflow), "utf8").replace(/\$\{(\w+)\}/g, (m, k: string) => {
    const v = arns[k];
    if (!v) throw new Error(`${workflow}: no ARN for ${m}`);
    return v;
  });
}

export function applicationReview() {
  const fns = Object.fromEntries(
    Object.entries(APPLICATION_REVIEW_FUNCTIONS).map(([placeholder, exportName]) => [
      placeholder,
      new sst.aws.Function(placeholder.replace(/FunctionArn$/, ""), {
        handler: `lib/handlers/workflows/application-review.${exportName}`,
        runtime: "nodejs22.x",
        timeout: "30 seconds",
        environment: { SIGHTLINE_BACKEND: "aws" },
      }),
    ]),
  );
  const role = new aws.iam.Role("ApplicationReviewRole", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "states.amazonaws.com" }),
  });
  new aws.iam.RolePolicy("ApplicationReviewInvoke", {
    role: role.id,
    policy: $jsonStringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: Object.values(fns).map((f) => f.arn) }],
    }),
  });
  return new aws.sfn.StateMachine("ApplicationReview", {
    roleArn: role.arn,
    definition: $resolve(Object.fromEntries(Object.entries(fns).map(([k, f]) => [k, f.arn]))).apply((arns) =>
      definitionFor("application-review", arns as Record<string, string>),
    ),
  });
}
