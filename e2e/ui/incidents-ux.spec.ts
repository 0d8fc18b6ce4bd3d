import { type Browser, expect, type Page, test } from "@playwright/test";
import { EMAILS, signIn } from "../support";

/** An admin raises a high-severity sample finding about a new simulated instance; returns the instance id. */
async function raiseSample(admin: Page) {
  await admin.goto("/incidents");
  await admin.getByRole("button", { name: "Generate sample finding" }).click();
  const instanceId = (await admin.getByTestId("sample-resource").textContent())?.trim() ?? "";
  expect(instanceId).toMatch(/^i-0[0-9a-f]{16}$/);
  return instanceId;
}

/** A reviewer opens the containment approval for the instance from the queue. */
async function openContainment(page: Page, instanceId: string) {
  await signIn(page, "reviewers");
  await page.goto("/reviews");
  const row = page.getByRole("row").filter({ hasText: `Contain ${instanceId}` });
  await expect(row).toBeVisible();
  await row.getByRole("link").click();
  await expect(page.getByTestId("review-status")).toHaveText("pending");
}

async function adminPage(browser: Browser, viewport = { width: 1440, height: 900 }) {
  const admin = await browser.newPage({ viewport });
  await signIn(admin, "admins");
  return admin;
}

/** A reviewer rejects a new sample's containment with a comment, then opens its incident; returns the timeline. */
async function rejectContainment(page: Page, browser: Browser, comment: string) {
  const admin = await adminPage(browser);
  const instanceId = await raiseSample(admin);
  await admin.close();
  await openContainment(page, instanceId);
  await page.locator('textarea[name="comment"]').fill(comment);
  await page.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("rejected");
  await page.getByRole("link", { name: "Open the incident" }).click();
  await expect(page.getByTestId("incident-status")).toHaveText("rejected");
  return page.getByRole("table", { name: "Incident timeline" });
}

/** No sideways scrolling: the page is no wider than the window. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(inner);
}

/** The control can be scrolled to and then lies wholly inside the window. */
async function expectReachable(page: Page, control: ReturnType<Page["getByRole"]>) {
  await control.scrollIntoViewIfNeeded();
  await expect(control).toBeInViewport({ ratio: 1 });
  const box = await control.boundingBox();
  const width = await page.evaluate(() => window.innerWidth);
  expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
}

test("the incident timeline names who rejected a containment, with the comment (defect 5)", async ({
  page,
  browser,
}) => {
  const timeline = await rejectContainment(page, browser, "Known scanner, not a compromise");
  const row = timeline.getByRole("row").filter({ hasText: "Containment rejected" });
  await expect(row).toContainText(`Containment rejected by ${EMAILS.reviewers}: “Known scanner, not a compromise”`);
  await expect(row.getByRole("cell").first()).toContainText(EMAILS.reviewers);
  await expect(timeline).toContainText("Not contained: the containment was rejected, nothing was changed");
});

test("the incident pages speak in words: no seconds, channel ids, raw states or event names (defect 8)", async ({
  page,
  browser,
}) => {
  const timeline = await rejectContainment(page, browser, "Expected maintenance traffic");
  await expect(timeline).toContainText("Notification: approval requested");
  await expect(timeline).toContainText(/Notified |held back by the rate limit|kept in the outbox|not sent again/i);
  await expect(timeline).toContainText("(expires in 4 hours)");
  await expect(timeline).toContainText("Sightline (automatic)");
  // What is on screen (a step's recorded API answer stays behind its toggle).
  // biome-ignore lint/performance/useDomNodeTextContent: textContent would include the closed JSON toggles
  const text = await timeline.innerText();
  expect(text).not.toMatch(/\binapp\b|Notified:|ch-[0-9a-f]{6}|\d+s\b|StateFailed|PendingReview|_requested/);
  // The Step column names no workflow state as the ASL spells it (IsolateNetwork, RequestApproval, …).
  for (const step of await timeline.locator("tbody tr td:nth-child(2)").allInnerTexts())
    expect(step).not.toMatch(/[a-z][A-Z]|_/);
});

test("at 390×844 and at 1440 the incident list and an incident have no sideways scroll and their actions are reachable", async ({
  page,
  browser,
}) => {
  const phone = await adminPage(browser, { width: 390, height: 844 });
  const instanceId = await raiseSample(phone);

  // The list, then the incident waiting for its approval: the link to approve or reject it is reachable.
  await phone.goto("/incidents");
  const listed = phone.getByRole("row").filter({ hasText: instanceId });
  await expect(listed).toBeVisible();
  await expectNoSidewaysScroll(phone);
  await expectReachable(phone, listed.getByRole("link"));
  await listed.getByRole("link").click();
  const waiting = phone.getByRole("link", { name: `Contain ${instanceId}` });
  await expect(waiting).toBeVisible();
  await expectNoSidewaysScroll(phone);
  await expectReachable(phone, waiting);
  const incidentUrl = phone.url();

  // A reviewer approves it; once contained, evidence downloads and the release request are reachable.
  await openContainment(page, instanceId);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("approved");
  await phone.goto(incidentUrl);
  await expect(phone.getByTestId("incident-status")).toHaveText("contained");
  const pages = [
    { url: "/incidents", control: () => phone.getByRole("row").filter({ hasText: instanceId }).getByRole("link") },
    { url: incidentUrl, control: () => phone.getByRole("button", { name: "Request release" }) },
    { url: incidentUrl, control: () => phone.getByRole("link", { name: "Download" }).first() },
  ];
  for (const size of [
    { width: 390, height: 844 },
    { width: 1440, height: 900 },
  ]) {
    await phone.setViewportSize(size);
    for (const p of pages) {
      await phone.goto(p.url);
      await expect(p.control()).toBeVisible();
      await expectNoSidewaysScroll(phone);
      await expectReachable(phone, p.control());
    }
    // Opening a step's recorded API answer does not widen the page either.
    await phone.goto(incidentUrl);
    await phone.getByRole("table", { name: "Incident timeline" }).locator("summary").last().click();
    await expectNoSidewaysScroll(phone);
  }
});
