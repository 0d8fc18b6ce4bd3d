/**
 * Lambda behind API Gateway `POST /applications` (aws): the same submission as the Next route — an
 * API key (`Authorization: Bearer slk_…`) or a Cognito user from the authorizer — then StartExecution
 * of the application-review state machine with the application id as the execution name.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from "aws-lambda";
import { openDatabase } from "@/lib/adapters/compose/database";
import { stepFunctions } from "@/lib/adapters/compose/workflows";
import { submitApplication } from "@/lib/applications/submit-application";
import { principalFromApiKey } from "@/lib/auth/api-keys";
import { loadEnv } from "@/lib/env";
import { errorBody } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { WorkflowEngine } from "@/lib/ports/workflow-engine";

let db: Promise<Database> | undefined;
const json = (statusCode: number, body: unknown): APIGatewayProxyResultV2 => ({
  statusCode,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

export async function handler(
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  deps: { db?: Database; workflows?: WorkflowEngine } = {},
): Promise<APIGatewayProxyResultV2> {
  const env = loadEnv();
  try {
    if (!deps.db) db ??= openDatabase(env);
    const database = deps.db ?? (await (db as Promise<Database>));
    const claims = event.requestContext.authorizer?.jwt?.claims;
    const submitter =
      (await principalFromApiKey(database, event.headers.authorization ?? null))?.email ??
      (typeof claims?.email === "string" ? claims.email : null);
    if (!submitter)
      return json(401, { error: { code: "unauthorized", message: "An API key or a signed-in user is required" } });
    let body: unknown;
    try {
      body = JSON.parse(
        event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64").toString() : (event.body ?? ""),
      );
    } catch {
      return json(422, { error: { code: "invalid_input", message: "Body must be valid JSON" } });
    }
    const workflows = deps.workflows ?? stepFunctions(env);
    const res = await submitApplication({
      ctx: { db: database, workflows, submitter, slaSeconds: env.SIGHTLINE_REVIEW_SLA_SECONDS },
      input: body,
    });
    return json(200, res);
  } catch (err) {
    const { status, body } = errorBody(err);
    return json(status, body);
  }
}
