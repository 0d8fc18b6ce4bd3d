import { expect, test } from "@playwright/test";
import { EMAILS, signIn } from "../support";

test("a reviewer rejects a flagged application: a comment is required, the item leaves the queue, the audit log shows it", async ({
  page,
  browser,
}) => {
  // An admin submits an application whose name is on the screening list (the submitter may not decide it).
  const admin = await browser.newPage();
  await signIn(admin, "admins");
  const name = `Mallory Blacklisted ${Date.now()}`;
  const res = await admin.request.post("/api/applications", {
    data: { name, address: { line1: "1 Test Street", city: "London", postcode: "SW1A 1AA", country: "GB" } },
    headers: { origin: new URL(admin.url()).origin },
  });
  expect(res.status()).toBe(200);

  await signIn(page, "reviewers");
  await page.goto("/reviews");
  const row = page.getByRole("row").filter({ hasText: `Application from ${name}` });
  await expect(row).toBeVisible({ timeout: 120_000 });
  await expect(row).toContainText("screening list");
  await row.getByRole("link").click();

  await expect(page.getByTestId("review-status")).toHaveText("pending");
  await expect(page.getByText("name.denylist")).toBeVisible();
  await expect(page.locator('[data-current="true"]')).toContainText("PendingReview");

  await page.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "a rejection needs a comment" })).toBeVisible();
  await expect(page.getByTestId("review-status")).toHaveText("pending");

  await page.locator('textarea[name="comment"]').fill("Screening hit confirmed by compliance");
  await page.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("rejected");

  await page.goto("/reviews");
  await expect(page.getByRole("row").filter({ hasText: `Application from ${name}` })).toHaveCount(0);

  await admin.goto("/admin/audit");
  const entry = admin.getByRole("row").filter({ hasText: "review.rejected" }).filter({ hasText: EMAILS.reviewers });
  await expect(entry.first()).toContainText("Screening hit confirmed by compliance");
});

test("analysts are refused the review queue and decisions", async ({ page }) => {
  await signIn(page, "analysts");
  expect((await page.request.get("/api/reviews")).status()).toBe(403);
  const decide = await page.request.post("/api/reviews/rev-x/decision", {
    data: { decision: "approve" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(decide.status()).toBe(403);
});

test("an admin creates an API key in the UI; a system submits with it; revoking it stops it", async ({
  page,
  playwright,
}) => {
  await signIn(page, "admins");
  await page.goto("/admin/api-keys");
  await page.locator('input[name="name"]').fill(`crm-${Date.now()}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-key").innerText()).trim();
  expect(key).toMatch(/^slk_[a-f0-9]{16}_/);

  const system = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const body = {
    name: "Grace Hopper",
    address: { line1: "1 Navy Yard", city: "Arlington", postcode: "22202", country: "US" },
  };
  const ok = await system.post("/api/applications", { data: body, headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);

  await page.getByRole("button", { name: "Revoke" }).first().click();
  await expect(page.getByRole("cell", { name: "revoked" }).first()).toBeVisible();
  const refused = await system.post("/api/applications", { data: body, headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  await system.dispose();
});
