import { expect, type Page, test } from "@playwright/test";
import { signIn } from "../support";

const table = (page: Page) => page.getByRole("region", { name: "Findings" });
const rowOf = (page: Page, id: string) => table(page).locator(`tr[data-finding-id="${id}"]`);
const totalOf = async (page: Page) =>
  Number(((await page.getByTestId("findings-total").textContent()) ?? "").replace(/\D/g, ""));

test("the list counts what matches and hides resolved and suppressed until asked; bulk changes apply to the selection", async ({
  page,
}) => {
  await signIn(page, "analysts");
  await page.goto("/findings?severity=3");
  await expect(page.getByTestId("findings-total")).toHaveText(/^\d[\d,]*$/);
  const api = (await (await page.request.get("/api/findings?severity=3&status=new&status=in_progress")).json()) as {
    total: number;
  };
  await expect.poll(() => totalOf(page)).toBe(api.total);
  await expect(page.getByRole("button", { name: "New", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Resolved", exact: true })).toHaveAttribute("aria-pressed", "false");

  // Select two rows, take them on, then resolve them: they leave the default view.
  const rows = table(page).locator("tbody tr");
  await expect(rows.nth(1)).toBeVisible();
  const ids = [await rows.nth(0).getAttribute("data-finding-id"), await rows.nth(1).getAttribute("data-finding-id")];
  for (const id of ids)
    await rowOf(page, id ?? "")
      .getByRole("checkbox")
      .check();
  const bar = page.getByRole("region", { name: "Change the selected findings" });
  await expect(bar.getByTestId("selected-count")).toHaveText("2 selected");
  await bar.locator('select[name="bulk-status"]').selectOption("in_progress");
  await bar.locator('select[name="bulk-assignee"]').selectOption("me");
  await bar.getByRole("button", { name: "Apply to 2" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Updated 2 findings." })).toBeVisible();
  for (const id of ids) await expect(rowOf(page, id ?? "").getByTestId("status")).toHaveText("In progress");

  for (const id of ids)
    await rowOf(page, id ?? "")
      .getByRole("checkbox")
      .check();
  await bar.locator('select[name="bulk-status"]').selectOption("suppressed");
  await bar.getByRole("button", { name: "Apply to 2" }).click();
  await expect(bar.getByRole("alert")).toHaveText("Say why these findings are suppressed");
  await bar.locator('select[name="bulk-status"]').selectOption("resolved");
  await bar.getByRole("button", { name: "Apply to 2" }).click();
  for (const id of ids) await expect(rowOf(page, id ?? "")).toHaveCount(0);

  await page.getByRole("button", { name: "Show resolved and suppressed" }).click();
  await expect(page).toHaveURL(/status=all/);
  for (const id of ids) await expect(rowOf(page, id ?? "").getByTestId("status")).toHaveText("Resolved");
  await page.getByRole("button", { name: "Hide resolved and suppressed" }).click();
  await expect(page).not.toHaveURL(/status=/);

  // The detail of one of them tells the story in words.
  await page.goto(`/findings/${encodeURIComponent(ids[0] ?? "")}`);
  await expect(page.getByTestId("history-entry").filter({ hasText: "from In progress to Resolved" })).toHaveCount(1);
});

test("bulk changes and saved views refuse a reviewer", async ({ page }) => {
  await signIn(page, "reviewers");
  const origin = new URL(page.url()).origin;
  const bulk = await page.request.post("/api/findings/bulk", {
    data: { ids: ["x"], status: "resolved" },
    headers: { origin },
  });
  expect(bulk.status()).toBe(403);
  expect((await page.request.get("/api/saved-views")).status()).toBe(403);
});

test("a saved view keeps the filter, opens by name, is shared by its link and can be deleted", async ({
  page,
  browser,
}) => {
  await signIn(page, "analysts");
  await page.goto("/findings");
  await page.getByRole("button", { name: "High", exact: true }).click();
  await expect(page).toHaveURL(/severity=4/);
  const name = `High ${Date.now()}`;
  await page.getByRole("button", { name: "Save this view…" }).click();
  await page.locator('input[name="view-name"]').fill(name);
  await page.getByRole("button", { name: "Save view", exact: true }).click();
  const views = page.getByRole("region", { name: "Saved views" });
  const link = views.getByRole("link", { name });
  await expect(link).toHaveAttribute("href", "/findings?severity=4");

  await page.goto("/findings");
  await link.click();
  await expect(page).toHaveURL(/\/findings\?severity=4$/);
  await expect(page.getByRole("button", { name: "High", exact: true })).toHaveAttribute("aria-pressed", "true");

  // Shared: someone else opening the link sees the same filter (the view is its URL).
  const admin = await browser.newPage();
  await signIn(admin, "admins", "/findings?severity=4");
  await expect(admin.getByRole("button", { name: "High", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(admin.getByRole("region", { name: "Saved views" }).getByRole("link", { name })).toHaveCount(0);

  await page.reload();
  await views.getByRole("button", { name: `Delete the view ${name}` }).click();
  await expect(views.getByRole("link", { name })).toHaveCount(0);
});

test("keys: j/k move a visible focus, Enter and o open, u comes back to the same list", async ({ page }) => {
  await signIn(page, "analysts");
  await page.goto("/findings?sort=severity");
  const rows = table(page).locator("tbody tr");
  await expect(rows.nth(2)).toBeVisible();
  await page.locator("body").click({ position: { x: 1, y: 1 } });

  await page.keyboard.press("j");
  await expect(rows.nth(0)).toHaveAttribute("data-active", "true");
  await expect(rows.nth(0).locator('a[href^="/findings/"]')).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await expect(rows.nth(1)).toHaveAttribute("data-active", "true");
  await expect(rows.nth(0)).not.toHaveAttribute("data-active", "true");
  const outline = await rows.nth(1).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline, "the active row is outlined").not.toBe("none");

  const second = await rows.nth(1).getAttribute("data-finding-id");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/findings/${encodeURIComponent(second ?? "")}`);
  await expect(page.getByRole("heading", { name: "Finding", exact: true })).toBeVisible();
  await page.keyboard.press("u");
  await expect(page).toHaveURL(/\/findings\?sort=severity$/);
  await expect(rows.nth(1)).toHaveAttribute("data-active", "true");

  await page.keyboard.press("j");
  const third = await rows.nth(2).getAttribute("data-finding-id");
  await page.keyboard.press("o");
  await expect(page).toHaveURL(`/findings/${encodeURIComponent(third ?? "")}`);
  await expect(page.getByRole("heading", { name: "Finding", exact: true })).toBeVisible();
  await page.keyboard.press("Backspace");
  await expect(page).toHaveURL(/\/findings\?sort=severity$/);
  await page.keyboard.press("x");
  await expect(page.getByTestId("selected-count")).toHaveText("1 selected");
});
