import { expect, type Page, test } from "@playwright/test";
import { signIn } from "../support";

interface Item {
  principal: string | null;
  sourceIp: string | null;
  errorCode: string | null;
}

/** Demo events through the API the page itself uses (the default window: the last 7 days). */
async function events(page: Page, query: string): Promise<Item[]> {
  const res = await page.request.get(`/api/activity?limit=200&${query}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { items: Item[] }).items;
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("activity filters keep their whole value: a full ARN and an error code survive pressing Search again", async ({
  page,
}) => {
  await signIn(page, "analysts");
  const denied = await events(page, "errorCode=AccessDenied");
  const arn = denied.map((e) => e.principal).find((p): p is string => !!p?.startsWith("arn:") && p.length > 10);
  expect(arn, "the demo data has an ARN caller refused with AccessDenied").toBeTruthy();
  const principal = arn as string;

  await page.goto(`/activity?errorCode=AccessDenied&principal=${encodeURIComponent(principal)}`);
  const box = page.getByRole("textbox", { name: "Principal" });
  // The old form cut every filter to 10 characters ("AccessDeni", "arn:aws:ia").
  await expect(box).toHaveValue(principal);
  await expect(page.getByRole("textbox", { name: "Error code" })).toHaveValue("AccessDenied");

  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect
    .poll(() => new URL(page.url()).searchParams.get("principal"), { message: "Search sends the whole ARN" })
    .toBe(principal);
  expect(new URL(page.url()).searchParams.get("errorCode")).toBe("AccessDenied");
  await expect(page.getByRole("table", { name: "Events" }).getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByText("No events match")).toHaveCount(0);
});

test("a reversed date range on Activity says so in plain words and stops loading", async ({ page }) => {
  await signIn(page, "analysts");
  await page.goto(`/activity?from=${day(0)}&to=${day(-7)}`);
  await expect(page.getByRole("alert").filter({ hasText: "The start date is after the end date" })).toBeVisible();
  await expect(page.getByText("Loading…")).toHaveCount(0);
  await expect(page.getByText("`from`")).toHaveCount(0);
});

test("activity shows events over time, column headers, the full record, and pivots from principals and IPs", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "analysts");
  await page.goto("/activity");
  const table = page.getByRole("table", { name: "Events" });
  for (const name of ["Time", "Event", "Principal", "Source IP", "Region"])
    await expect(table.getByRole("columnheader", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("figure", { name: /\d[\d,]* events in \d+-(minute|hour|day|week) bars/ })).toBeVisible();
  expect(Number(((await page.getByTestId("activity-total").textContent()) ?? "").replace(/\D/g, ""))).toBeGreaterThan(
    0,
  );

  // The first event opens onto its whole record.
  await table.getByRole("row").nth(1).getByRole("button").click();
  const record = page.getByTestId("activity-record");
  for (const label of [
    "User agent",
    "MFA used",
    "Session issuer",
    "Access key",
    "Request parameters",
    "Resources named",
  ])
    await expect(record.getByText(label, { exact: true })).toBeVisible();

  // A caller's ARN and a source address open their entity pages.
  // Narrow screens repeat the caller under the event (hidden here): take the visible link.
  const arnLink = table.locator('a[href^="/entities?kind=arn&value="]').filter({ visible: true }).first();
  const arn = (await arnLink.textContent()) ?? "";
  await arnLink.click();
  await expect(page).toHaveURL(/\/entities\?kind=arn&value=/);
  await expect(page.getByTestId("entity-value")).toHaveText(arn);
  await page.goBack();
  const ipLink = page
    .getByRole("table", { name: "Events" })
    .locator('a[href^="/entities?kind=ip&value="]')
    .filter({ visible: true })
    .first();
  const ip = (await ipLink.textContent()) ?? "";
  await ipLink.click();
  await expect(page.getByTestId("entity-value")).toHaveText(ip);
});

test("a top caller narrows the search to that caller", async ({ page }) => {
  await signIn(page, "analysts");
  await page.goto("/activity?errorCode=AccessDenied");
  const caller = page.getByRole("region", { name: "Top callers" }).getByRole("link").first();
  const name = (await caller.textContent()) ?? "";
  await caller.click();
  await expect.poll(() => new URL(page.url()).searchParams.get("principal")).toBe(name);
  expect(new URL(page.url()).searchParams.get("errorCode")).toBe("AccessDenied");
  await expect(page.getByRole("textbox", { name: "Principal" })).toHaveValue(name);
});

test("390×844: activity, with a record open, has no horizontal scroll", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "analysts");
  await page.goto("/activity");
  await expect(page.getByRole("button", { name: "Search", exact: true })).toBeInViewport();
  const table = page.getByRole("table", { name: "Events" });
  await table.getByRole("row").nth(1).getByRole("button").click();
  await expect(page.getByTestId("activity-record")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
