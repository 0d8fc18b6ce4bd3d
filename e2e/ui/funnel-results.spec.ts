import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "../support";

/** Cells of a table whose text runs onto a second line. */
const wrappedCells = (table: Locator) =>
  table.evaluate((t) =>
    [...t.querySelectorAll("th, td")]
      .filter((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      })
      .map((cell) => cell.textContent),
  );

const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test("funnel results: bars carry conversion and drop-off, the breakdown is charted, rows stay on one line at 1440 and 390", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "admins");
  await page.goto("/clickstream/funnels");
  const form = page.getByRole("form", { name: "Funnel definition" });
  // Each step of the definition sits on one line at 1440: its controls (of different heights,
  // centred) all cross one horizontal line — a wrapped control starts below where another ends.
  await expect(form.getByLabel("Step 4 event")).toBeVisible();
  const oneLine = await form.locator("li").evaluateAll((items) =>
    items.map((li) => {
      const boxes = [...li.children].map((c) => c.getBoundingClientRect());
      return Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom));
    }),
  );
  expect(oneLine.length).toBeGreaterThanOrEqual(4);
  expect(oneLine).toEqual(oneLine.map(() => true));
  await form.getByLabel("Breakdown").selectOption("category");
  await form.getByRole("button", { name: "Run funnel" }).click();

  const chart = page.getByRole("figure", { name: "Units per step", exact: true });
  // Step 1 is 100% of itself; every step but the last names what dropped off before the next.
  await expect(chart.locator(".recharts-label-list")).toContainText("100.0%");
  await expect(chart.locator(".recharts-label-list")).toContainText(/−\d+ \(\d+\.\d%\)/);
  const byValue = page.getByRole("figure", { name: "Units per step by breakdown value" });
  await expect(byValue.locator(".recharts-legend-item").filter({ hasText: "shoes" })).toBeVisible();
  expect(await byValue.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(4);

  // The funnel's range runs to now: today is drawn apart as "today so far", not as a day that ended.
  await expect(page.getByTestId("over-time-partial")).toContainText("is still running: today so far");

  const steps = page.getByRole("table", { name: "Funnel steps" });
  const breakdown = page.getByRole("table", { name: "Funnel breakdown" });
  await expect(breakdown).toContainText("shoes");
  expect(await wrappedCells(steps)).toEqual([]);
  expect(await wrappedCells(breakdown)).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(steps).toBeVisible();
  expect(await wrappedCells(steps)).toEqual([]);
  expect(await wrappedCells(breakdown)).toEqual([]);
  // The wide tables scroll inside their own box, not the page.
  expect(await scrollsSideways(page)).toBe(false);
});

test("an admin renames a saved funnel and deletes it after confirming", async ({ page }) => {
  await signIn(page, "admins");
  await page.goto("/clickstream/funnels");
  const name = `Rename me ${Date.now()}`;
  await page.getByLabel("Funnel name").fill(name);
  await page.getByRole("button", { name: "Save funnel" }).click();
  await expect(page).toHaveURL(/\?saved=[0-9a-f-]{36}$/);
  const saved = page.getByRole("list", { name: "Saved funnels" });
  await expect(saved.getByRole("link", { name, exact: true })).toBeVisible();

  await saved.getByRole("button", { name: `Rename ${name}` }).click();
  await saved.getByLabel("New name").fill(`${name} (renamed)`);
  await saved.getByRole("button", { name: "Save name" }).click();
  await expect(saved.getByRole("link", { name: `${name} (renamed)`, exact: true })).toBeVisible();
  await page.reload();
  await expect(saved.getByRole("link", { name: `${name} (renamed)`, exact: true })).toBeVisible();

  await saved.getByRole("button", { name: `Delete ${name} (renamed)` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Delete ${name} (renamed)?` });
  await expect(confirm).toContainText("This cannot be undone.");
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(saved.getByRole("link", { name: `${name} (renamed)`, exact: true })).toBeVisible();

  await saved.getByRole("button", { name: `Delete ${name} (renamed)` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete funnel" }).click();
  await expect(saved.getByRole("link", { name: `${name} (renamed)`, exact: true })).toHaveCount(0);
  // The deleted funnel was the one open: the page leaves it.
  await expect(page).not.toHaveURL(/saved=/);
  await page.reload();
  await expect(page.getByRole("table", { name: "Funnel steps" })).toBeVisible();
  await expect(saved.getByRole("link", { name: `${name} (renamed)`, exact: true })).toHaveCount(0);
});
