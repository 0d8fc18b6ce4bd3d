/**
 * The app as SST deploys it: the OpenNext server function from `npm run build:aws`, invoked here
 * with API Gateway v2 events in a separate Node process configured as in AWS
 * (SIGHTLINE_BACKEND=aws). DuckDB and PGlite are absent from its bundle; its database is a real
 * Postgres (the embedded one, served on its socket, stands in for Aurora).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type EmbeddedOwner, startEmbeddedOwner } from "@/lib/db/embedded";
import { tempDir } from "@/test/support/databases";

const SERVER = path.resolve(".open-next", "server-functions", "default");
let owner: EmbeddedOwner;

beforeAll(async () => {
  if (!fs.existsSync(path.join(SERVER, "index.mjs")))
    throw new Error("No OpenNext build: run `npm run build:aws` first (npm test does).");
  owner = await startEmbeddedOwner(tempDir("open-next-db"));
});
afterAll(async () => owner?.stop());

/**
 * Invokes the server function with one request; returns status, headers and body. Asynchronous:
 * the embedded database answers from this process's event loop.
 */
async function invoke(method: string, rawPath: string) {
  const event = {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString: "",
    headers: { host: "app.example.com", "x-forwarded-proto": "https", "user-agent": "Mozilla/5.0" },
    requestContext: {
      http: { method, path: rawPath, sourceIp: "203.0.113.9", protocol: "HTTP/1.1", userAgent: "Mozilla/5.0" },
      domainName: "app.example.com",
      accountId: "111122223333",
      apiId: "api",
      requestId: "req",
      routeKey: "$default",
      stage: "$default",
      time: "",
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  };
  const script = `
    const m = await import(${JSON.stringify(path.join(SERVER, "index.mjs"))});
    const res = await m.handler(${JSON.stringify(event)}, { getRemainingTimeInMillis: () => 30000, functionName: "web", awsRequestId: "req" });
    process.stdout.write("\\n@@RESULT@@" + JSON.stringify(res));
    process.exit(0);`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    cwd: SERVER,
    env: {
      PATH: process.env.PATH,
      SIGHTLINE_BACKEND: "aws",
      AWS_REGION: "eu-west-1",
      COGNITO_USER_POOL_ID: "eu-west-1_TestPool1",
      COGNITO_CLIENT_ID: "testclient",
      DATABASE_URL: owner.url,
      SIGHTLINE_CHANNEL_SECRET_KEY: randomBytes(32).toString("base64url"),
      SIGHTLINE_APP_URL: "https://app.example.com",
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  await new Promise((r) => child.once("exit", r));
  const out = stdout.split("@@RESULT@@")[1];
  if (!out) throw new Error(`the server function did not answer:\n${stderr.slice(-2000)}`);
  return JSON.parse(out) as { statusCode: number; headers: Record<string, string>; body: string };
}

test("DuckDB and PGlite are not in the server function", () => {
  expect(fs.existsSync(path.join(SERVER, "node_modules", "@duckdb"))).toBe(false);
  expect(fs.existsSync(path.join(SERVER, "node_modules", "@electric-sql"))).toBe(false);
});

test("it serves the API without them: GET /api/health answers from the database", async () => {
  const res = await invoke("GET", "/api/health");
  expect(res.statusCode).toBe(200);
  expect(JSON.parse(res.body)).toEqual({ status: "ok" });
});

test("the sign-in page allows the region's Cognito host and only nonce'd scripts", async () => {
  const res = await invoke("GET", "/login");
  expect(res.statusCode).toBe(200);
  const csp = res.headers["content-security-policy"] ?? "";
  expect(csp).toContain("connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com");
  expect(csp).not.toContain("*");
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  for (const tag of res.body.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
});
