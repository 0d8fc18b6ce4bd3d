import { expect, type Page, test } from "@playwright/test";
import { signIn } from "../support";

/** An admin sends a test message to the in-app centre: it lands there for everyone, unread. */
async function sendInAppTest(admin: Page) {
  const res = await admin.request.post("/api/admin/channels/inapp/test", {
    headers: { origin: new URL(admin.url()).origin },
  });
  expect(res.status()).toBe(200);
}

const badgeCount = async (page: Page) =>
  Number((await page.getByTestId("unread-badge").innerText()).replace(/\D+/g, ""));

test("the navigation shows an unread badge; mark read and mark all read clear it for that person only (defect 9)", async ({
  page,
  browser,
}) => {
  const admin = await browser.newPage();
  await signIn(admin, "admins");
  await sendInAppTest(admin);
  await sendInAppTest(admin);

  await signIn(page, "analysts", "/notifications");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByTestId("unread-badge")).toBeVisible();
  const before = await badgeCount(page);
  expect(before).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("unread-summary")).toHaveText(`${before} unread`);

  const centre = page.getByRole("list", { name: "In-app notifications" });
  const first = centre.locator('li[data-read="false"]').first();
  await first.getByRole("button", { name: /^Mark read/ }).click();
  await expect(nav.getByTestId("unread-badge")).toHaveText(`${before - 1} unread`);
  await expect(centre.locator('li[data-read="true"]')).toHaveCount(1);

  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(nav.getByTestId("unread-badge")).toHaveCount(0);
  await expect(page.getByTestId("unread-summary")).toHaveText("All read");
  await page.reload();
  await expect(page.getByTestId("unread-summary")).toHaveText("All read");

  // The reviewer's own state is untouched.
  const reviewer = await browser.newPage();
  await signIn(reviewer, "reviewers");
  await expect(reviewer.getByRole("navigation", { name: "Main" }).getByTestId("unread-badge")).toBeVisible();
  expect(await badgeCount(reviewer)).toBeGreaterThanOrEqual(2);
});

test("the outbox names channels and says what happened in words, not ids and codes (defect 8)", async ({ page }) => {
  await signIn(page, "admins");
  const origin = new URL(page.url()).origin;
  const made = await page.request.post("/api/admin/channels", {
    data: { kind: "slack", name: "SOC Slack e2e", minSeverity: 3, rateLimit: 10, windowSeconds: 600 },
    headers: { origin },
  });
  expect(made.status()).toBe(200);
  const { id } = (await made.json()) as { id: string };
  expect((await page.request.post(`/api/admin/channels/${id}/test`, { headers: { origin } })).status()).toBe(200);

  await page.goto("/notifications");
  const outbox = page.getByRole("table", { name: "Outbox" });
  const row = outbox.getByRole("row").filter({ hasText: "Test message from Sightline for SOC Slack e2e" });
  await expect(row).toContainText("SOC Slack e2e (Slack)");
  await expect(row).toContainText("kept in the outbox (no sender set up)");
  await expect(outbox).not.toContainText(id);
  await expect(outbox).not.toContainText(/ch-[0-9a-f]{8}/);
  await expect(page.getByRole("table", { name: "Channels" })).toContainText("10 per 10 minutes, then a digest");
});
