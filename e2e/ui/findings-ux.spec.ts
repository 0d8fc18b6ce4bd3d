import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "../support";

interface Summary {
  findingId: string;
  origin: string;
  type: string;
  title: string;
  lastSeen: string;
  status: string;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

/** Neither the page nor `region` is wider than the window: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, "page width").toBeLessThanOrEqual(client);
}

/** A control can be scrolled to and lies wholly inside the window's width. */
async function expectReachable(page: Page, control: Locator) {
  await control.scrollIntoViewIfNeeded();
  await expect(control).toBeInViewport({ ratio: 1 });
  const box = await control.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box && box.x >= 0 && box.x + box.width <= width, `${control} inside the window`).toBe(true);
}

test("a same-day range finds that day's findings and events, and says it runs to the end of the day", async ({
  page,
}) => {
  await signIn(page, "analysts");
  // A Sightline finding: its window time is its last-seen time.
  const { items } = await getJson<{ items: Summary[] }>(page, "/api/findings?limit=200");
  const f = items.find((i) => i.origin === "sightline" && !i.lastSeen.endsWith("T00:00:00.000Z"));
  expect(f).toBeDefined();
  const day = (f as Summary).lastSeen.slice(0, 10);

  await page.goto(`/findings?from=${day}&to=${day}`);
  await expect(page.getByRole("region", { name: "Findings" }).locator("tbody tr").first()).toBeVisible();
  await expect(page.getByText("No findings match this filter.")).toHaveCount(0);
  await expect(page.getByTestId("findings-total")).not.toHaveText("0");
  await expect(page.getByTestId("findings-window")).toContainText("00:00 to 23:59 UTC");

  const activity = await getJson<{ items: { eventId: string; time: string }[] }>(page, "/api/activity?limit=50");
  const e = activity.items.find((i) => !i.time.endsWith("T00:00:00.000Z"));
  expect(e).toBeDefined();
  const eDay = (e as { time: string }).time.slice(0, 10);
  const sameDay = await getJson<{ items: { eventId: string }[] }>(
    page,
    `/api/activity?from=${eDay}&to=${eDay}&limit=200`,
  );
  expect(sameDay.items.map((i) => i.eventId)).toContain((e as { eventId: string }).eventId);
  await page.goto(`/activity?from=${eDay}&to=${eDay}`);
  await expect(page.getByTestId("activity-window")).toContainText("00:00 to 23:59 UTC");
  await expect(page.getByText("No events match.")).toHaveCount(0);
});

test("at 1440 px the findings table fits with its Status column, and facets show their counts", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "analysts");
  // Every status and a full page: the longest types, titles and resources of the demo data.
  await page.goto("/findings?limit=200");
  const table = page.getByRole("region", { name: "Findings" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  await expectNoSidewaysScroll(page);
  const fits = await table.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fits, "the table is no wider than its region").toBe(true);
  await expect(table.getByRole("columnheader", { name: "Status" })).toBeInViewport({ ratio: 1 });
  await expect(table.getByTestId("status").first()).toBeInViewport({ ratio: 1 });

  const facets = page.getByRole("complementary", { name: "Most common values" }).getByRole("button");
  expect(await facets.count()).toBeGreaterThan(2);
  for (const facet of await facets.all()) {
    const clipped = await facet.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    expect(clipped, `${await facet.getAttribute("title")}: its count shows`).toBe(false);
    await expect(facet).toContainText(/\(\d[\d,]*\)$/);
  }
});

test("at 390×844 the findings list and a finding have no sideways scroll and their actions are reachable", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "analysts");
  await page.goto("/findings?limit=200");
  const table = page.getByRole("region", { name: "Findings" });
  const first = table.locator('a[href^="/findings/"]').first();
  await expect(first).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectReachable(page, page.getByRole("button", { name: "Apply", exact: true }));
  await expectReachable(
    page,
    page
      .getByRole("button", { name: "Show resolved and suppressed" })
      .or(page.getByRole("button", { name: "Hide resolved and suppressed" })),
  );
  await expectReachable(page, table.getByRole("checkbox").nth(1));
  await expectReachable(page, first);

  await first.click();
  await expect(page.getByRole("heading", { name: "Finding", exact: true })).toBeVisible();
  await expect(page.getByText("Related activity")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectReachable(page, page.getByRole("button", { name: "Save" }));
  await expectReachable(page, page.getByRole("button", { name: /Assign to me|Unassign me/ }));
  await expectReachable(page, page.getByRole("link", { name: /All findings/ }));
});

test("the open-security-group finding is about the group, and 0.0.0.0 is no entity", async ({ page }) => {
  await signIn(page, "analysts");
  const { items } = await getJson<{ items: Summary[] }>(page, "/api/findings?limit=200&q=security%20group");
  const sg = items.find((i) => /^Sightline:security-group-.*-to-world$/.test(i.type));
  expect(sg).toBeDefined();
  await page.goto(`/findings/${encodeURIComponent((sg as Summary).findingId)}`);
  const entities = page.getByRole("region", { name: "Entities" });
  await expect(entities.getByRole("link").first()).toBeVisible();
  await expect(entities.getByRole("link", { name: "0.0.0.0", exact: true })).toHaveCount(0);
  await expect(page.getByTestId("finding-resource")).toHaveText(/^sg-[0-9a-f]+ \(AwsEc2SecurityGroup\)$/);
  await expect(page.getByTestId("finding-principal")).toContainText("arn:aws:iam::");
});

test("a suppression rule without a type is refused in people's words", async ({ page }) => {
  await signIn(page, "analysts");
  await page.goto("/suppressions");
  await page.locator('input[name="reason"]').fill("Known scanner");
  await page.getByRole("button", { name: "Save rule" }).click();
  const alert = page.getByRole("form", { name: "New suppression rule" }).getByRole("alert");
  await expect(alert).toContainText("Give the finding type this rule hides");
  await expect(alert).not.toContainText("findingType");
  await expect(alert).not.toContainText("Too small");
});

test("a finding's history reads as sentences, not audit records", async ({ page }) => {
  await signIn(page, "analysts");
  const { items } = await getJson<{ items: Summary[] }>(page, "/api/findings?status=new&limit=50");
  const f = items.at(-1);
  expect(f).toBeDefined();
  await page.goto(`/findings/${encodeURIComponent((f as Summary).findingId)}`);
  await page.locator('select[name="status"]').selectOption("in_progress");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("finding-status")).toHaveText("in progress");
  await page.locator('textarea[name="note"]').fill("Looking into it");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("note")).toContainText("Looking into it");

  // The note, the status change and the note's entry.
  const lines = page.getByRole("region", { name: "Notes and history" }).getByRole("listitem");
  await expect(lines).toHaveCount(3);
  for (const text of await lines.allTextContents()) expect(text).not.toMatch(/finding\.|[{}]|""/);
  const history = page.getByTestId("history-entry");
  await expect(history.filter({ hasText: "changed the status from New to In progress" })).toHaveCount(1);
  await expect(history.filter({ hasText: "added a note" })).toHaveCount(1);
});
