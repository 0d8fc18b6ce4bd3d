import { expect, test } from "@playwright/test";
import { signIn } from "../support";

interface Summary {
  findingId: string;
  severity: number;
  title: string;
}

test("an analyst filters to high severity, opens a finding, pivots to its IP, resolves it with a note", async ({
  page,
}) => {
  await signIn(page, "analysts");

  // Pick, through the API the page itself uses, a high-severity demo finding that names an IP.
  const list = await page.request.get("/api/findings?severity=4");
  expect(list.ok()).toBe(true);
  const items = ((await list.json()) as { items: Summary[] }).items;
  expect(items.length).toBeGreaterThan(0);
  let target: { id: string; ip: string } | null = null;
  for (const f of items) {
    const detail = (await (await page.request.get(`/api/findings/${encodeURIComponent(f.findingId)}`)).json()) as {
      finding: { indicators: { ip: string[] } };
    };
    const ip = detail.finding.indicators.ip[0];
    if (ip) {
      target = { id: f.findingId, ip };
      break;
    }
  }
  expect(target).not.toBeNull();
  const { id, ip } = target as { id: string; ip: string };

  await page.goto("/findings");
  await page.getByRole("button", { name: "High", exact: true }).click();
  await expect(page).toHaveURL(/severity=4/);
  const table = page.getByRole("region", { name: "Findings" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  // The previous page stays on screen while the filtered one loads: wait until every row is High.
  const badges = table.getByRole("row").locator("td:first-child");
  await expect
    .poll(async () => {
      const all = await badges.allInnerTexts();
      return all.length > 0 && all.every((b) => b.trim() === "High");
    })
    .toBe(true);

  await page.locator(`a[href="/findings/${encodeURIComponent(id)}"]`).click();
  await expect(page.getByRole("heading", { name: "Finding", exact: true })).toBeVisible();
  await expect(page.getByText("Why this fired").or(page.getByText("Related activity"))).toBeVisible();
  await expect(page.getByTestId("query-stats")).toContainText("DuckDB");

  await page.getByRole("link", { name: ip, exact: true }).first().click();
  await expect(page).toHaveURL(/\/entities\?kind=ip/);
  await expect(page.getByTestId("entity-value")).toHaveText(ip);
  await expect(page.getByText(/\d+ events from/)).toBeVisible();
  await expect(page.locator("table tr").first()).toBeVisible();
  await page.goBack();

  await page.locator(`select[name="status"]`).selectOption("resolved");
  await page.locator(`textarea[name="note"]`).fill("Confirmed benign: pen test window");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("finding-status")).toHaveText("resolved");
  await expect(page.getByTestId("note")).toContainText("Confirmed benign: pen test window");

  await page.goto("/findings?severity=4&status=resolved");
  await page.reload();
  const row = page.getByRole("row").filter({ has: page.locator(`a[href="/findings/${encodeURIComponent(id)}"]`) });
  await expect(row.getByTestId("status")).toHaveText("Resolved");
  await page.goto("/findings?severity=4&status=new");
  await expect(page.locator(`a[href="/findings/${encodeURIComponent(id)}"]`)).toHaveCount(0);
});

test("reviewers are refused the findings API", async ({ page }) => {
  await signIn(page, "reviewers");
  expect((await page.request.get("/api/findings")).status()).toBe(403);
  expect((await page.request.get("/api/activity")).status()).toBe(403);
});
