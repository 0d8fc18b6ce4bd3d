import { expect, test } from "@playwright/test";
import { EMAILS, PASSWORD, signIn } from "../support";

const NAV = {
  analysts: ["Findings", "Activity"],
  reviewers: ["Reviews"],
  admins: ["Findings", "Activity", "Reviews", "Clickstream", "Admin"],
} as const;
const ALL = ["Findings", "Activity", "Reviews", "Clickstream", "Admin"];

test("an unauthenticated visit lands on the sign-in page", async ({ page }) => {
  await page.goto("/findings");
  await expect(page).toHaveURL(/\/login\?next=%2Ffindings/);
  await expect(page.getByRole("heading", { name: "Sightline" })).toBeVisible();
});

test("a bad password is rejected with a message and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(EMAILS.admins);
  await page.getByLabel("Password").fill("definitely-wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect" })).toBeVisible();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("until the page hydrates, Sign in is disabled, so the browser cannot submit the password in a URL", async ({
  browser,
}) => {
  // With scripts off the page never hydrates: this is what a user sees in the moment before it does.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(EMAILS.admins);
  await page.getByLabel("Password").fill(PASSWORD);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
  await page.getByLabel("Password").press("Enter"); // implicit submission is blocked too
  await expect(page).toHaveURL(/\/login$/);
  await context.close();
});

for (const role of Object.keys(NAV) as (keyof typeof NAV)[]) {
  test(`${role} see only their navigation`, async ({ page }) => {
    await signIn(page, role);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ALL) {
      const link = nav.getByRole("link", { name: label, exact: true });
      if ((NAV[role] as readonly string[]).includes(label)) await expect(link).toBeVisible();
      else await expect(link).toHaveCount(0);
    }
  });
}

test("a page outside the role is refused on the server, not just hidden", async ({ page }) => {
  await signIn(page, "reviewers");
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This page is not for your role" })).toBeVisible();
});

test("sign-out ends the session", async ({ page, context }) => {
  await signIn(page, "analysts");
  const before = (await context.cookies()).find((c) => c.name === "sl_session");
  expect(before?.httpOnly).toBe(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Replaying the old cookie does not bring the session back (revoked server-side).
  if (before) await context.addCookies([before]);
  await page.goto("/findings");
  await expect(page).toHaveURL(/\/login/);
});

test("the theme toggle switches to dark and is remembered", async ({ page }) => {
  await signIn(page, "admins");
  await page.getByRole("button", { name: /switch to dark theme/i }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
});

test("an admin adds a user who can then sign in", async ({ page, browser }) => {
  await signIn(page, "admins", "/admin");
  const address = `second.reviewer+${Date.now()}@example.com`; // unique, so the test can run again on the same data
  // Typing before the form has hydrated can be wiped by hydration: fill until the value sticks.
  const email = page.getByLabel("Email");
  await expect(async () => {
    await email.fill(address);
    await expect(email).toHaveValue(address, { timeout: 500 });
  }).toPass();
  await page.waitForLoadState("networkidle");
  const roles = page.getByRole("group", { name: "Roles" });
  await roles.getByLabel("analysts").uncheck();
  await roles.getByLabel("reviewers").check();
  await page.getByRole("button", { name: "Add user" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText(address);
  const password = (await status.locator("code").textContent()) ?? "";
  expect(password.length).toBeGreaterThan(12);

  const other = await browser.newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill(address);
  await other.getByLabel("Password").fill(password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reviews" })).toBeVisible();
  await other.close();
  expect(PASSWORD).not.toBe(password);
});
