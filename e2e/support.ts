import { expect, type Page } from "@playwright/test";

export const PASSWORD = "e2e-password-not-secret";
export const EMAILS = {
  analysts: "analyst@sightline.local",
  reviewers: "reviewer@sightline.local",
  admins: "admin@sightline.local",
} as const;

export async function signIn(page: Page, role: keyof typeof EMAILS, next = "/") {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(EMAILS[role]);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("whoami")).toContainText(EMAILS[role]);
}
