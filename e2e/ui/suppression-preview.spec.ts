import { expect, test } from "@playwright/test";
import { signIn } from "../support";

test("the suppression form says how many findings a rule would hide before saving, and the saved rule hides exactly that many", async ({
  page,
}) => {
  await signIn(page, "analysts");
  const res = await page.request.get("/api/findings?limit=1");
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: { type: string }[] };
  const type = items[0]?.type ?? "";
  expect(type).not.toBe("");

  await page.goto("/suppressions");
  const form = page.getByRole("form", { name: "New suppression rule" });
  const preview = form.getByTestId("suppression-preview");
  await expect(preview).toHaveText("Fill in the patterns to see how many findings this rule would hide.");
  await form.locator('input[name="findingType"]').fill("Re*");
  await expect(preview).toHaveText("The finding type pattern is too broad: give at least 3 characters besides *");
  await form.locator('input[name="findingType"]').fill(type);
  await expect(preview).toHaveText(/^This rule would hide [\d,]+ findings? from the last 30 days \([\d,]+ open\)\.$/);
  const [, hides, open] = /hide ([\d,]+) findings?.*\(([\d,]+) open\)/.exec(await preview.innerText()) ?? [];
  const n = Number((hides ?? "").replace(/,/g, ""));
  expect(n).toBeGreaterThanOrEqual(1);
  expect(Number((open ?? "").replace(/,/g, ""))).toBeLessThanOrEqual(n);

  const reason = `e2e preview ${Date.now()}`;
  await form.locator('input[name="reason"]').fill(reason);
  await form.getByRole("button", { name: "Save rule" }).click();
  const row = page.getByRole("row").filter({ hasText: reason });
  await expect(row.getByTestId("hidden-count")).toHaveText(String(n));

  // Leave the findings as other specs expect them.
  await row.getByRole("button", { name: "Retire" }).click();
  await expect(page.getByRole("row").filter({ hasText: reason })).toHaveCount(0);
});
