import { expect, test } from "@playwright/test";
import { signIn } from "../support";

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("/entities without a choice offers a search box in people's words, and it finds an IP", async ({ page }) => {
  await signIn(page, "analysts");
  const res = await page.request.get("/api/activity?limit=50");
  const ip = ((await res.json()) as { items: { sourceIp: string | null }[] }).items
    .map((e) => e.sourceIp)
    .find((v): v is string => !!v && /^\d+\.\d+\.\d+\.\d+$/.test(v));
  expect(ip, "the demo data has an event from an IPv4 address").toBeTruthy();

  await page.goto("/entities");
  const box = page.getByRole("searchbox", { name: /IP address, ARN, instance id or access key/ });
  await expect(box).toBeVisible();
  // The old page printed zod's "kind: Invalid option: expected one of …".
  await expect(page.getByText(/Invalid option|kind:/)).toHaveCount(0);
  await expect(page.getByText("Loading…")).toHaveCount(0);

  await box.fill(ip as string);
  await page.getByRole("button", { name: "Look up", exact: true }).click();
  await expect(page).toHaveURL(/\/entities\?kind=ip&value=/);
  await expect(page.getByTestId("entity-value")).toHaveText(ip as string);
});

test("a reversed date range on an entity page says so in plain words and stops loading", async ({ page }) => {
  await signIn(page, "analysts");
  await page.goto(`/entities?kind=ip&value=203.0.113.10&from=${day(0)}&to=${day(-7)}`);
  await expect(page.getByRole("alert").filter({ hasText: "The start date is after the end date" })).toBeVisible();
  await expect(page.getByText("Loading…")).toHaveCount(0);
  await expect(page.getByText("`from`")).toHaveCount(0);
});

/** The demo CI role calls from this address, inside AWS's published 34.224.0.0/12 (EC2, us-east-1). */
const AWS_IP = "34.228.10.20";

test("an IP's page answers first — seen, findings, where, calls, AWS-owned — and then the timeline", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "analysts");
  const seen = await page.request.get(`/api/activity?sourceIp=${AWS_IP}&limit=1`);
  expect(((await seen.json()) as { items: unknown[] }).items.length, "the demo data has events from it").toBe(1);

  await page.goto(`/entities?kind=ip&value=${AWS_IP}`);
  const summary = page.getByTestId("entity-summary");
  for (const name of ["Seen", "AWS ownership", "Related findings", "Accounts and regions", "Top API calls"])
    await expect(summary.getByRole("region", { name, exact: true })).toBeVisible();
  await expect(page.getByTestId("first-seen")).not.toHaveText("—");
  await expect(page.getByTestId("aws-ip")).toContainText("AWS-owned address");
  await expect(page.getByTestId("aws-ip")).toContainText("EC2, AMAZON · us-east-1 · 34.224.0.0/12");
  await expect(summary.getByRole("table", { name: "Top API calls" })).toContainText("Describe");
  await expect(summary.getByRole("region", { name: "Accounts and regions" })).toContainText("111122223333");

  const timeline = page.getByRole("table", { name: "Timeline" });
  await expect(timeline.getByRole("row").nth(1)).toBeVisible();
  const [s, t] = [await summary.boundingBox(), await timeline.boundingBox()];
  expect((s?.y ?? 0) < (t?.y ?? 0), "the summary comes before the timeline").toBe(true);

  // No reload button for analysts, and the API refuses them.
  await expect(page.getByRole("button", { name: "Reload AWS IP ranges" })).toHaveCount(0);
  expect((await page.request.post("/api/admin/aws-ip-ranges")).status()).toBe(403);

  await page.goto("/entities?kind=ip&value=203.0.113.10");
  await expect(page.getByTestId("aws-ip")).toContainText("Not in AWS’s published ranges");
});

test("an admin reloads AWS's IP ranges from the data file", async ({ page }) => {
  await signIn(page, "admins");
  await page.goto(`/entities?kind=ip&value=${AWS_IP}`);
  await page.getByRole("button", { name: "Reload AWS IP ranges" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Reloaded" })).toContainText(
    /Reloaded \d+ prefixes of \d{4}-/,
  );
  await expect(page.getByTestId("aws-ip")).toContainText("AWS-owned address");
});

test("390×844: an entity page has no horizontal scroll and its search stays usable", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "analysts");
  await page.goto(`/entities?kind=ip&value=${AWS_IP}`);
  await expect(page.getByRole("table", { name: "Timeline" }).getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("button", { name: "Look up", exact: true })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
