import { expect, type Page, test } from "@playwright/test";
import { signIn } from "../support";

/** An admin sends a test message to the in-app centre: it lands there for everyone, unread. */
async function sendInAppTest(admin: Page) {
  const res = await admin.request.post("/api/admin/channels/inapp/test", {
    headers: { origin: new URL(admin.url()).origin },
  });
  expect(res.status()).toBe(200);
}

/** The number on the navigation badge (0 when there is none; "99+" reads as 99). */
const badgeCount = async (page: Page) => {
  const badge = page.getByRole("navigation", { name: "Main" }).getByTestId("unread-badge");
  return (await badge.count()) ? Number((await badge.innerText()).replace(/\D+/g, "")) : 0;
};

const TEST_TITLE = "Test message from Sightline for In-app notification centre";

// The demo estate keeps raising findings while the server runs, so new notifications may arrive at
// any moment: the test follows particular notifications, and only expects the badge to go down.
test("the navigation shows an unread badge; mark read and mark all read change it for that person only (defect 9)", async ({
  page,
  browser,
}) => {
  const admin = await browser.newPage();
  await signIn(admin, "admins");
  await sendInAppTest(admin);
  await sendInAppTest(admin);

  await signIn(page, "analysts", "/notifications");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByTestId("unread-badge")).toBeVisible();
  await expect(page.getByTestId("unread-summary")).toHaveText(/^[\d,]+ unread$/);

  const centre = page.getByRole("list", { name: "In-app notifications" });
  const tests = centre.locator("li").filter({ hasText: TEST_TITLE });
  await expect(tests.first()).toHaveAttribute("data-read", "false");
  const [one, two] = await tests.evaluateAll((els) =>
    els.slice(0, 2).map((e) => e.getAttribute("data-notification-id")),
  );
  const item = (id: string | null | undefined) => centre.locator(`li[data-notification-id="${id}"]`);

  await item(one)
    .getByRole("button", { name: /^Mark read/ })
    .click();
  await expect(item(one)).toHaveAttribute("data-read", "true");
  await expect(item(two)).toHaveAttribute("data-read", "false");

  const before = await badgeCount(page);
  expect(before).toBeGreaterThanOrEqual(1);
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(item(two)).toHaveAttribute("data-read", "true");
  await expect.poll(() => badgeCount(page)).toBeLessThan(before);
  await page.reload();
  await expect(item(one)).toHaveAttribute("data-read", "true");
  await expect(item(two)).toHaveAttribute("data-read", "true");

  // The reviewer's own state is untouched: the same messages are still unread for them.
  const reviewer = await browser.newPage();
  await signIn(reviewer, "reviewers", "/notifications");
  await expect(reviewer.getByRole("navigation", { name: "Main" }).getByTestId("unread-badge")).toBeVisible();
  const theirs = reviewer.getByRole("list", { name: "In-app notifications" });
  await expect(theirs.locator(`li[data-notification-id="${one}"]`)).toHaveAttribute("data-read", "false");
  await expect(theirs.locator(`li[data-notification-id="${two}"]`)).toHaveAttribute("data-read", "false");
});

test("the outbox names channels and says what happened in words, not ids and codes (defect 8)", async ({ page }) => {
  await signIn(page, "admins");
  const origin = new URL(page.url()).origin;
  const made = await page.request.post("/api/admin/channels", {
    data: { kind: "slack", name: "SOC Slack e2e", minSeverity: 3, rateLimit: 10, windowSeconds: 600 },
    headers: { origin },
  });
  expect(made.status()).toBe(200);
  const { id } = (await made.json()) as { id: string };
  expect((await page.request.post(`/api/admin/channels/${id}/test`, { headers: { origin } })).status()).toBe(200);

  await page.goto("/notifications");
  const outbox = page.getByRole("table", { name: "Outbox" });
  const row = outbox.getByRole("row").filter({ hasText: "Test message from Sightline for SOC Slack e2e" });
  await expect(row).toContainText("SOC Slack e2e (Slack)");
  await expect(row).toContainText("kept in the outbox (no sender set up)");
  await expect(outbox).not.toContainText(id);
  await expect(outbox).not.toContainText(/ch-[0-9a-f]{8}/);
  await expect(page.getByRole("table", { name: "Channels" })).toContainText("10 per 10 minutes, then a digest");
});
