import { type Browser, expect, type Page, test } from "@playwright/test";
import { EMAILS, signIn } from "../support";

/** An admin submits an application whose name is on the screening list; it waits in the review queue. */
async function submitFlagged(browser: Browser, tag = `${Date.now()}`) {
  const admin = await browser.newPage();
  await signIn(admin, "admins");
  const name = `Mallory Blacklisted ${tag}`;
  const res = await admin.request.post("/api/applications", {
    data: { name, address: { line1: "1 Test Street", city: "London", postcode: "SW1A 1AA", country: "GB" } },
    headers: { origin: new URL(admin.url()).origin },
  });
  expect(res.status()).toBe(200);
  return { admin, title: `Application from ${name}` };
}

/** Opens an item from the queue (it appears once its workflow reaches the review step). */
async function openFromQueue(page: Page, title: string) {
  await page.goto("/reviews");
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  return page.url();
}

test("a decision refused because another tab decided first says so, and names who decided (defect 3)", async ({
  page,
  browser,
}) => {
  const { title } = await submitFlagged(browser);
  await signIn(page, "reviewers");
  const url = await openFromQueue(page, title);
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByTestId("review-status")).toHaveText("pending");

  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("approved");

  await other.locator('textarea[name="comment"]').fill("Not convinced");
  await other.getByRole("button", { name: "Reject" }).click();
  // The page redraws as approved, and the refusal stays on it, naming the winner.
  await expect(other.getByTestId("review-status")).toHaveText("approved");
  await expect(other.getByRole("alert").filter({ hasText: EMAILS.reviewers })).toBeVisible();
  const refusal = other.getByRole("alert").filter({ hasText: "Your rejection was not recorded" });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText(`${EMAILS.reviewers} had already approved this item`);
});

test("the submitter sees Approve and Reject disabled, with the reason, before any click (defect 3)", async ({
  browser,
}) => {
  const { admin, title } = await submitFlagged(browser);
  await openFromQueue(admin, title);
  await expect(admin.getByRole("button", { name: "Approve" })).toBeDisabled();
  await expect(admin.getByRole("button", { name: "Reject" })).toBeDisabled();
  await expect(admin.getByText("You submitted this item, so someone else must approve or reject it.")).toBeVisible();

  await admin.goto("/reviews");
  await expect(admin.getByRole("checkbox", { name: `Select ${title}` })).toBeDisabled();
});

/** An admin raises a high-severity sample finding; its containment approval waits in the queue. */
async function containmentReview(browser: Browser) {
  const admin = await browser.newPage();
  await signIn(admin, "admins");
  await admin.goto("/incidents");
  await admin.getByRole("button", { name: "Generate sample finding" }).click();
  const instanceId = (await admin.getByTestId("sample-resource").textContent())?.trim() ?? "";
  expect(instanceId).toMatch(/^i-0[0-9a-f]{16}$/);
  await admin.close();
  return `Contain ${instanceId}`;
}

/** Opens the newest containment approval for a sample finding, as a reviewer. */
async function openContainment(page: Page, browser: Browser) {
  const prefix = await containmentReview(browser);
  await signIn(page, "reviewers");
  await page.goto("/reviews");
  const row = page.getByRole("row").filter({ hasText: prefix });
  await expect(row).toBeVisible();
  await row.getByRole("link").click();
  await expect(page.getByTestId("review-status")).toHaveText("pending");
}

test("the incident timeline gives a containment approval's deadline in hours, not seconds (defect 8)", async ({
  page,
  browser,
}) => {
  await openContainment(page, browser);
  await page.getByRole("link", { name: "Open the incident" }).click();
  const timeline = page.getByRole("table", { name: "Incident timeline" });
  await expect(timeline).toContainText("Approval requested for");
  await expect(timeline).toContainText("(expires in 4 hours)");
});

test("the containment review shows its data as a form, keeps the decision in view and names claim actions plainly (defect 6)", async ({
  page,
  browser,
}) => {
  await openContainment(page, browser);

  // Readable fields first; the raw JSON is one click away, not 4,000 px of the page.
  const details = page.getByRole("region", { name: "Details" });
  await expect(details.getByText("Severity", { exact: true })).toBeVisible();
  await expect(details.locator("pre")).toBeHidden();
  await details.getByText("Show as JSON").click();
  await expect(details.locator("pre")).toBeVisible();
  await expect(details.locator("pre")).toContainText('"incidentId"');

  // Wherever the reviewer has scrolled, Approve and Reject are in view.
  const approve = page.getByRole("button", { name: "Approve" });
  for (const heading of ["Details", "Comments", "What happened so far"]) {
    await page.getByRole("heading", { name: heading }).evaluate((h) => h.scrollIntoView({ block: "start" }));
    await expect(approve).toBeInViewport();
    await expect(page.getByRole("button", { name: "Reject" })).toBeInViewport();
  }

  // Claiming is "Claim" / "Unclaim", never "Release" (which this page also uses for instances).
  await page.getByRole("button", { name: "Claim", exact: true }).click();
  await expect(page.getByRole("button", { name: "Unclaim" })).toBeVisible();
  await expect(page.getByText("Claimed by you")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Release$/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Unclaim" }).click();
  await expect(page.getByRole("button", { name: "Claim", exact: true })).toBeVisible();
});

test("at 390×844 the containment review shows its title and actions without sideways scrolling (defect 6)", async ({
  browser,
}) => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await openContainment(phone, browser);
  await expect(phone.getByRole("list", { name: "Proposed actions" })).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const heading = await phone.getByRole("heading", { name: /^Contain / }).boundingBox();
  expect(heading && heading.x >= 0 && heading.x + heading.width <= 390).toBe(true);
  for (const y of [0, 0.5]) {
    await phone.evaluate((f) => window.scrollTo(0, document.documentElement.scrollHeight * f), y);
    for (const name of ["Approve", "Reject"])
      await expect(phone.getByRole("button", { name, exact: true })).toBeInViewport({ ratio: 1 });
  }
});

test("a rejection reads as a rejection in the workflow's history, not as a failed state (defect 8)", async ({
  page,
  browser,
}) => {
  const { title } = await submitFlagged(browser);
  await signIn(page, "reviewers");
  const url = await openFromQueue(page, title);
  await page.locator('textarea[name="comment"]').fill("Screening hit confirmed by compliance");
  await page.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("rejected");
  // Once the workflow has run to its end, the page shows its whole history.
  const api = `/api/reviews/${url.split("/reviews/")[1]}`;
  await expect.poll(async () => (await (await page.request.get(api)).json()).execution.status).toBe("SUCCEEDED");
  await page.reload();
  await expect(page.getByTestId("review-status")).toHaveText("rejected");
  await expect(page.getByText(/StateFailed|StateEntered/)).toHaveCount(0);
  const history = page.getByRole("list", { name: "Execution history" });
  await expect(history).toContainText("Rejected: “Screening hit confirmed by compliance”");
  await expect(history).toContainText("Workflow finished");
  await expect(page.getByText(/StateFailed|StateEntered/)).toHaveCount(0);
  await expect(page.getByRole("complementary", { name: "Decision" })).toContainText(`rejected by ${EMAILS.reviewers}`);
});
