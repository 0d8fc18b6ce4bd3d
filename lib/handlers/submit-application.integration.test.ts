import { SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, expect, test } from "vitest";
import { SfnWorkflowEngine } from "@/lib/adapters/aws/sfn-workflow-engine";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import { DB_TARGETS } from "@/test/support/databases";
import { handler } from "./submit-application";

const sfn = mockClient(SFNClient);
const ARN = "arn:aws:states:eu-west-1:111122223333:stateMachine:sightline-application-review";
let db: PgDatabase;
beforeAll(async () => {
  db = await (DB_TARGETS[0] as (typeof DB_TARGETS)[number]).open();
  await migrate(db);
});
afterAll(async () => db?.close());

const event = (body: unknown, claims?: Record<string, string>) =>
  ({
    headers: {},
    body: JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: { authorizer: claims ? { jwt: { claims, scopes: [] } } : undefined },
  }) as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

test("API Gateway → StartExecution with the application id as name and the workflow's input", async () => {
  sfn.on(StartExecutionCommand).resolves({ executionArn: `${ARN.replace("stateMachine", "execution")}:x` });
  const workflows = new SfnWorkflowEngine(
    { "application-review": ARN },
    { client: new SFNClient({ region: "eu-west-1" }) },
  );
  const app = {
    name: "Grace Hopper",
    address: { line1: "1 Navy Yard", city: "Arlington", postcode: "22202", country: "US" },
  };
  const res = (await handler(event(app, { email: "grace@example.com" }), { db, workflows })) as {
    statusCode: number;
    body: string;
  };
  expect(res.statusCode).toBe(200);
  const { applicationId } = JSON.parse(res.body) as { applicationId: string };
  const start = sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input;
  expect(start?.name).toBe(applicationId);
  expect(JSON.parse(start?.input ?? "{}")).toEqual({
    applicationId,
    submittedBy: "grace@example.com",
    application: app,
    slaSeconds: 172800,
  });
  const bad = (await handler(event({ name: "" }, { email: "grace@example.com" }), { db, workflows })) as {
    statusCode: number;
  };
  expect(bad.statusCode).toBe(422);
  const anon = (await handler(event(app), { db, workflows })) as { statusCode: number };
  expect(anon.statusCode).toBe(401);
});
