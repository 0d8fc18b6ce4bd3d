import { expect, test } from "@playwright/test";
import { signIn } from "../support";

test("the overview compares each stat with the previous period when it has data, and says so when it has none", async ({
  page,
}) => {
  await signIn(page, "admins");
  // The demo traffic seeded on first start covers the last three days, so yesterday has data.
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/clickstream?from=${today}&to=${today}`);
  const totals = page.getByRole("region", { name: "Period totals" });
  await expect(totals).toContainText(`Compared with the previous period, ${yesterday} to ${yesterday}.`);
  const events = totals.getByTestId("overview-stat").filter({ hasText: "Events" });
  await expect(events).toContainText(/in the previous period/);
  await expect(totals).not.toContainText("no data in the previous period");

  // A range starting well before the seeded traffic: the period before it is truly empty.
  const from = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/clickstream?from=${from}&to=${today}`);
  await expect(totals).toContainText("which has no data");
  await expect(totals.getByTestId("overview-stat").first()).toContainText("no data in the previous period");
});
