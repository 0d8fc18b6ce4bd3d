/**
 * The AWS sign-in form, driven in Chromium against the app in aws mode, with Cognito's HTTP API
 * answered by a recorded stub at the browser's network boundary (the JSON Amplify exchanges with
 * cognito-idp, in the shapes Cognito documents). A first admin: temporary password → new
 * password → authenticator-app setup (QR code and key) → code → signed in; and a later code step.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, type Route, test } from "@playwright/test";
import { findOwner } from "@/lib/db/embedded";

const PORT = 3201;
const APP = `http://localhost:${PORT}`;
const POOL = "eu-west-1_TestPool1";
const COGNITO = "https://cognito-idp.eu-west-1.amazonaws.com/";
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  // The app as deployed (SIGHTLINE_BACKEND=aws) on the e2e build, with the e2e database as its Postgres.
  const url = await findOwner(path.resolve(".sightline-e2e"), 60_000);
  server = spawn(process.execPath, ["--import", "tsx", "scripts/next-server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      SIGHTLINE_BACKEND: "aws",
      AWS_REGION: "eu-west-1",
      COGNITO_USER_POOL_ID: POOL,
      COGNITO_CLIENT_ID: "testclient",
      DATABASE_URL: url ?? "",
      SIGHTLINE_CHANNEL_SECRET_KEY: randomBytes(32).toString("base64url"),
      SIGHTLINE_APP_URL: APP,
    },
    stdio: "ignore",
  });
  await expect(async () => {
    expect((await fetch(`${APP}/api/health`)).status).toBe(200);
  }).toPass({ timeout: 120_000 });
});
test.afterAll(() => {
  server?.kill("SIGTERM");
});

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
const token = (use: "id" | "access") => {
  const now = Math.floor(Date.now() / 1000);
  return `${b64url({ alg: "RS256", kid: "k" })}.${b64url({
    sub: "1111-2222",
    "cognito:username": "first.admin",
    username: "first.admin",
    token_use: use,
    iss: `https://cognito-idp.eu-west-1.amazonaws.com/${POOL}`,
    aud: "testclient",
    client_id: "testclient",
    exp: now + 3600,
    iat: now,
  })}.c2lnbmF0dXJl`;
};
const tokens = { AccessToken: token("access"), IdToken: token("id"), RefreshToken: "refresh", ExpiresIn: 3600 };

/** Answers Cognito's API as the recorded exchange did; returns the operations seen, in order. */
function stubCognito(flow: "first-sign-in" | "code") {
  const seen: string[] = [];
  const handler = async (route: Route) => {
    const op = (route.request().headers()["x-amz-target"] ?? "").split(".").pop() ?? "";
    const body = route.request().postDataJSON() as Record<string, unknown>;
    seen.push(op === "RespondToAuthChallenge" ? `${op}:${String(body.ChallengeName)}` : op);
    const json = (o: object) =>
      route.fulfill({ status: 200, contentType: "application/x-amz-json-1.1", body: JSON.stringify(o) });
    if (op === "InitiateAuth")
      return json({
        ChallengeName: "PASSWORD_VERIFIER",
        ChallengeParameters: {
          SALT: "a1b2c3d4e5f60718",
          SECRET_BLOCK: Buffer.from("secret-block").toString("base64"),
          SRP_B: randomBytes(384).toString("hex"),
          USERNAME: "first.admin",
          USER_ID_FOR_SRP: "first.admin",
        },
      });
    if (op === "RespondToAuthChallenge") {
      const name = String(body.ChallengeName);
      if (name === "PASSWORD_VERIFIER")
        return json(
          flow === "first-sign-in"
            ? {
                ChallengeName: "NEW_PASSWORD_REQUIRED",
                Session: "s1",
                ChallengeParameters: {
                  userAttributes: '{"email":"first.admin@example.com"}',
                  requiredAttributes: "[]",
                },
              }
            : { ChallengeName: "SOFTWARE_TOKEN_MFA", Session: "s5", ChallengeParameters: {} },
        );
      if (name === "NEW_PASSWORD_REQUIRED")
        return json({
          ChallengeName: "MFA_SETUP",
          Session: "s2",
          ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' },
        });
      return json({ AuthenticationResult: tokens, ChallengeParameters: {} });
    }
    if (op === "AssociateSoftwareToken") return json({ SecretCode: "JBSWY3DPEHPK3PXP", Session: "s3" });
    if (op === "VerifySoftwareToken") return json({ Status: "SUCCESS", Session: "s4" });
    return json({});
  };
  return { seen, handler };
}

test("a first admin replaces the temporary password, sets up an authenticator app, and is signed in", async ({
  page,
}) => {
  const cognito = stubCognito("first-sign-in");
  await page.route(`${COGNITO}**`, cognito.handler);
  await page.route(COGNITO, cognito.handler);
  await page.goto(`${APP}/login?next=/findings`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill("first.admin@example.com");
  await page.getByLabel("Password").fill("Temporary-Password-1");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByText("choose your own password")).toBeVisible();
  await page.getByLabel("New password").fill("My-Own-Password-123!");
  await page.getByRole("button", { name: "Set password" }).click();

  await expect(page.getByText("Set up an authenticator app")).toBeVisible();
  await expect(page.getByText("JBSWY3DPEHPK3PXP")).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await page.getByLabel("Code").fill("123456");
  const leaving = page.waitForRequest((r) => r.url().startsWith(`${APP}/findings`));
  await page.getByRole("button", { name: "Verify" }).click();
  await leaving;

  expect(cognito.seen).toEqual([
    "InitiateAuth",
    "RespondToAuthChallenge:PASSWORD_VERIFIER",
    "RespondToAuthChallenge:NEW_PASSWORD_REQUIRED",
    "AssociateSoftwareToken",
    "VerifySoftwareToken",
    "RespondToAuthChallenge:MFA_SETUP",
  ]);
});

test("a later sign-in asks for the app's code; a wrong code is said in words", async ({ page }) => {
  const cognito = stubCognito("code");
  let wrongOnce = true;
  await page.route(COGNITO, async (route) => {
    const op = route.request().headers()["x-amz-target"] ?? "";
    const body = route.request().postDataJSON() as Record<string, unknown>;
    if (op.endsWith("RespondToAuthChallenge") && body.ChallengeName === "SOFTWARE_TOKEN_MFA" && wrongOnce) {
      wrongOnce = false;
      return route.fulfill({
        status: 400,
        contentType: "application/x-amz-json-1.1",
        headers: { "x-amzn-errortype": "CodeMismatchException" },
        body: JSON.stringify({ __type: "CodeMismatchException", message: "Invalid code received for user" }),
      });
    }
    return cognito.handler(route);
  });
  await page.goto(`${APP}/login?next=/findings`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill("first.admin@example.com");
  await page.getByLabel("Password").fill("My-Own-Password-123!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter the 6-digit code from your authenticator app.")).toBeVisible();
  await page.getByLabel("Code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();
  await page.getByLabel("Code").fill("123456");
  const leaving = page.waitForRequest((r) => r.url().startsWith(`${APP}/findings`));
  await page.getByRole("button", { name: "Verify" }).click();
  await leaving;
});
