/**
 * An admin tunes a detection rule end to end against the demo estate: "Principal assumed a role in
 * another AWS account" ships off (it is noisy: the demo's users assume roles across the two demo
 * accounts all day). The admin backtests it over the demo lake, turns it on, drops a CloudTrail file
 * into the raw area (the watcher loads it), sees its findings on the findings page with the tactic
 * and runbook, adds an exception for one principal, drops another file and sees only the other
 * principal raised.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "../support";

const RULE = "role-assumed-in-other-account";
const DATA_DIR = path.resolve(".sightline-e2e");
const ACCOUNT = "111122223333";
const OTHER_ACCOUNT = "444455556666";
const RUN = Date.now().toString(36);
const userArn = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`;
const roleArn = (name: string) => `arn:aws:iam::${OTHER_ACCOUNT}:role/${name}`;
const MALLORY = `e2e-mallory-${RUN}`;
const TRENT = `e2e-trent-${RUN}`;
const PEGGY = `e2e-peggy-${RUN}`;

/** An IAM user of the demo account assuming a role in the other demo account, as CloudTrail writes it. */
function assumeRole(user: string, role: string, at: Date, n: number) {
  return {
    eventVersion: "1.09",
    userIdentity: {
      type: "IAMUser",
      principalId: `AIDAE2E${n}${RUN}`.toUpperCase(),
      arn: userArn(user),
      accountId: ACCOUNT,
      accessKeyId: `AKIAE2E${n}${RUN}`.toUpperCase(),
      userName: user,
    },
    eventTime: at.toISOString().replace(/\.\d{3}Z$/, "Z"),
    eventSource: "sts.amazonaws.com",
    eventName: "AssumeRole",
    awsRegion: "us-east-1",
    sourceIPAddress: "198.51.100.23",
    userAgent: "aws-cli/2.15.0",
    requestParameters: { roleArn: roleArn(role), roleSessionName: user, durationSeconds: 3600 },
    responseElements: { credentials: { accessKeyId: `ASIAE2E${n}${RUN}`.toUpperCase() } },
    requestID: `e2e-req-${RUN}-${n}`,
    eventID: `e2e-evt-${RUN}-${n}`,
    readOnly: false,
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: "Management",
  };
}

/** A trail file written whole, then moved into the raw area the watcher scans (never read half-written). */
function dropTrailFile(name: string, records: unknown[]) {
  const day = new Date().toISOString().slice(0, 10).split("-");
  const dir = path.join(DATA_DIR, "lake", "raw", "AWSLogs", ACCOUNT, "CloudTrail", "us-east-1", ...day);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(DATA_DIR, `${name}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify({ Records: records }));
  fs.renameSync(tmp, path.join(dir, `${ACCOUNT}_CloudTrail_us-east-1_${name}.json`));
}

interface Finding {
  findingId: string;
  principal: string | null;
  resourceId: string | null;
}

/** The rule's findings as the findings page asks for them. */
async function ruleFindings(page: Page): Promise<Finding[]> {
  const res = await page.request.get(`/api/findings?rule=${RULE}&limit=200`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { items: Finding[] }).items;
}
const pairs = (items: Finding[]) => items.map((f) => `${f.principal} → ${f.resourceId}`).sort();

test("an admin backtests a rule that ships off, turns it on, sees its findings, and excepts one principal", async ({
  page,
}) => {
  test.setTimeout(10 * 60_000);
  await signIn(page, "admins");

  // The rule is in the list, off, under its tactic.
  await page.goto("/rules");
  await page.getByLabel("Tactic").selectOption("lateral-movement");
  await page.getByLabel("Search").fill("another AWS account");
  const row = page.getByTestId(`rule-row-${RULE}`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("rule-enabled")).toHaveText("Off");
  await expect(row).toContainText("Lateral Movement");
  await row.getByRole("link").click();

  // Backtest over the demo lake: hits per day, and what it would create.
  await expect(page.getByTestId("rule-title")).toHaveText("Principal assumed a role in another AWS account");
  await expect(page.getByTestId("rule-state")).toContainText("Off");
  await page.getByTestId("backtest-days").selectOption("7");
  await page.getByTestId("backtest-run").click();
  const result = page.getByTestId("backtest-result");
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId("backtest-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  expect(Number(await page.getByTestId("backtest-hits").textContent())).toBeGreaterThan(0);
  expect(Number(await page.getByTestId("backtest-would-create").textContent())).toBeGreaterThan(0);
  await expect(page.getByTestId("backtest-top-principals").getByRole("listitem").first()).toContainText(
    "arn:aws:iam::",
  );
  await expect(page.getByTestId("backtest-samples")).toContainText("AssumeRole");
  expect(await ruleFindings(page)).toEqual([]); // the backtest created nothing

  // Turned on, the next lake ETL run raises it for both principals of a new trail file.
  await page.getByTestId("rule-toggle").click();
  await expect(page.getByTestId("rule-state")).toContainText("On");
  const now = Date.now();
  dropTrailFile(`e2e-first-${RUN}`, [
    assumeRole(MALLORY, `e2e-first-${RUN}`, new Date(now - 5 * 60_000), 1),
    assumeRole(TRENT, `e2e-first-${RUN}`, new Date(now - 4 * 60_000), 2),
  ]);
  const first = [
    `${userArn(MALLORY)} → ${roleArn(`e2e-first-${RUN}`)}`,
    `${userArn(TRENT)} → ${roleArn(`e2e-first-${RUN}`)}`,
  ];
  await expect
    .poll(async () => pairs(await ruleFindings(page)), { timeout: 180_000, intervals: [3_000] })
    .toEqual(first);

  // The findings page filtered by the rule lists them; a finding shows the rule, its tactic and runbook.
  await page.goto(`/findings?rule=${RULE}`);
  await expect(page.getByTestId("rule-filter")).toContainText(RULE);
  const table = page.getByRole("region", { name: "Findings" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await table.getByRole("link").first().click();
  await expect(page.getByTestId("detected-by")).toContainText("Principal assumed a role in another AWS account");
  await expect(page.getByTestId("finding-detection").getByTestId("tactic")).toHaveText("Lateral Movement");
  const runbook = page.getByTestId("runbook");
  await expect(runbook).toContainText("Check");
  await expect(runbook).toContainText("Contain");
  await expect(runbook).toContainText("False positives");
  await page.getByTestId("detected-by").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/rules/${RULE}$`));

  // An exception for one principal: the next file's events raise only the other principal.
  const form = page.getByRole("form", { name: "New exception" });
  await form.getByLabel("Kind").selectOption("principal");
  await form.getByLabel(/Value/).fill(userArn(MALLORY));
  await form.getByLabel("Reason").fill("Partner export job (e2e)");
  await page.getByTestId("exception-add").click();
  await expect(page.getByTestId("exception-row")).toContainText(userArn(MALLORY));
  dropTrailFile(`e2e-second-${RUN}`, [
    assumeRole(MALLORY, `e2e-second-${RUN}`, new Date(now - 2 * 60_000), 3),
    assumeRole(PEGGY, `e2e-second-${RUN}`, new Date(now - 60_000), 4),
  ]);
  const second = [...first, `${userArn(PEGGY)} → ${roleArn(`e2e-second-${RUN}`)}`].sort();
  // Both events are in one file, loaded in one run: once Peggy's finding is there, Mallory's would be too.
  await expect
    .poll(async () => pairs(await ruleFindings(page)), { timeout: 180_000, intervals: [3_000] })
    .toEqual(second);

  await page.goto(`/findings?rule=${RULE}&q=${encodeURIComponent(`e2e-second-${RUN}`)}`);
  await expect(table.getByRole("row")).toHaveCount(2);
  await page.goto(`/findings?rule=${RULE}&q=${encodeURIComponent(MALLORY)}`);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText(`e2e-first-${RUN}`);
  await expect(table).not.toContainText(`e2e-second-${RUN}`);

  // Back off, as it ships, for whatever runs next on this server.
  await page.goto(`/rules/${RULE}`);
  await page.getByTestId("rule-toggle").click();
  await expect(page.getByTestId("rule-state")).toContainText("Off");
});

test("analysts read a rule without the admin controls, and the API refuses their changes", async ({ page }) => {
  await signIn(page, "analysts");
  await page.goto(`/rules/${RULE}`);
  await expect(page.getByTestId("rule-title")).toBeVisible();
  await expect(page.getByTestId("rule-toggle")).toHaveCount(0);
  await expect(page.getByTestId("exception-add")).toHaveCount(0);
  expect((await page.request.patch(`/api/detections/rules/${RULE}`, { data: { enabled: true } })).status()).toBe(403);
});
