import { expect, type Page, test } from "@playwright/test";
import { EMAILS, signIn } from "../support";

/** Applications whose names are on the screening list, submitted by an admin: they wait in the review queue. */
async function submitFlagged(admin: Page, names: string[]) {
  for (const name of names) {
    const res = await admin.request.post("/api/applications", {
      data: { name, address: { line1: "1 Test Street", city: "London", postcode: "SW1A 1AA", country: "GB" } },
      headers: { origin: new URL(admin.url()).origin },
    });
    expect(res.status()).toBe(200);
  }
  return names.map((n) => `Application from ${n}`);
}

test("the queue shows priority, candidate group and due date; filters by assignee and group; bulk rejects with one comment; decided items show who and when", async ({
  page,
  browser,
}) => {
  const admin = await browser.newPage();
  await signIn(admin, "admins");
  const tag = Date.now();
  const [first, second, third] = await submitFlagged(admin, [
    `Mallory Blacklisted A${tag}`,
    `Mallory Blacklisted B${tag}`,
    `Mallory Blacklisted C${tag}`,
  ]);
  await signIn(page, "reviewers");
  await page.goto("/reviews");
  const row = (title = "") => page.getByRole("row").filter({ hasText: title });
  for (const t of [first, second, third]) await expect(row(t)).toBeVisible();
  for (const h of ["Priority", "Candidate group", "Due", "Assignee"])
    await expect(page.getByRole("columnheader", { name: h, exact: true })).toBeVisible();
  await expect(row(first)).toContainText("High");
  await expect(row(first)).toContainText("Compliance");
  await expect(row(first)).toContainText(/in (47|48) hours|in 2 days/);

  // Claim the third; the assignee filter finds it, the group filter leaves applications out of security's queue.
  await row(third).getByRole("link").click();
  await page.getByRole("button", { name: "Claim", exact: true }).click();
  await expect(page.getByText("Claimed by you")).toBeVisible();
  await page.goto("/reviews");
  await page.getByLabel("Assignee").selectOption("me");
  await expect(row(third)).toBeVisible();
  await expect(row(first)).toHaveCount(0);
  await page.getByLabel("Assignee").selectOption("none");
  await expect(row(first)).toBeVisible();
  await expect(row(third)).toHaveCount(0);
  await page.getByLabel("Candidate group").selectOption("security-oncall");
  await expect(row(first)).toHaveCount(0);
  await page.getByLabel("Candidate group").selectOption("compliance");
  await expect(row(first)).toBeVisible();

  // Bulk: pick two, reject both with one comment; each outcome is listed by title.
  await page.getByRole("checkbox", { name: `Select ${first}` }).check();
  await page.getByRole("checkbox", { name: `Select ${second}` }).check();
  await page.getByRole("button", { name: "Reject 2" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "A rejection needs a comment" })).toBeVisible();
  await page.getByLabel("Comment (required to reject)").fill("Both on the screening list");
  await page.getByRole("button", { name: "Reject 2" }).click();
  const results = page.getByRole("list", { name: "Bulk results" });
  await expect(results).toContainText(`${first}: rejected`);
  await expect(results).toContainText(`${second}: rejected`);
  await expect(row(first)).toHaveCount(0);

  // Decided items: who decided and when.
  await page.goto("/reviews?status=rejected&sort=decided");
  for (const h of ["Decided by", "Decided at"])
    await expect(page.getByRole("columnheader", { name: h, exact: true })).toBeVisible();
  await expect(row(first)).toContainText(EMAILS.reviewers);
  await expect(row(second)).toContainText(EMAILS.reviewers);
  await admin.close();
});

test("reviewers discuss an item in its comment thread; the comment is kept and audited", async ({ page, browser }) => {
  const admin = await browser.newPage();
  await signIn(admin, "admins");
  const [title] = await submitFlagged(admin, [`Mallory Blacklisted T${Date.now()}`]);
  await signIn(page, "reviewers");
  await page.goto("/reviews");
  await page.getByRole("row").filter({ hasText: title }).getByRole("link").click();
  await expect(page.getByText("No comments yet")).toBeVisible();
  await page.getByLabel("New comment").fill("Checked the postcode: it is real");
  await page.getByRole("button", { name: "Add comment" }).click();
  const thread = page.getByRole("list", { name: "Comment thread" });
  await expect(thread).toContainText("Checked the postcode: it is real");
  await expect(thread).toContainText(EMAILS.reviewers);
  await page.reload();
  await expect(page.getByRole("list", { name: "Comment thread" })).toContainText("Checked the postcode: it is real");

  await admin.goto("/admin/audit");
  await expect(
    admin.getByRole("row").filter({ hasText: "review.comment" }).filter({ hasText: "Checked the postcode" }).first(),
  ).toBeVisible();
  await admin.close();
});

test("the workflow is drawn as its ASL's graph: the Parallel's branches, the Choice, the Catch paths, where the item waits", async ({
  page,
  browser,
}) => {
  const admin = await browser.newPage();
  await signIn(admin, "admins");
  const [title] = await submitFlagged(admin, [`Mallory Blacklisted G${Date.now()}`]);
  await admin.close();
  await signIn(page, "reviewers");
  await page.goto("/reviews");
  await page.getByRole("row").filter({ hasText: title }).getByRole("link").click();
  const graph = page.getByRole("img", { name: /application-review workflow, waiting at PendingReview/ });
  await expect(graph).toBeVisible();
  // Both validation branches sit inside the Parallel's box, side by side.
  const parallel = await graph.locator('[data-state="ValidateApplication"] rect').boundingBox();
  const name = await graph.locator('[data-state="ValidateName"] rect').boundingBox();
  const address = await graph.locator('[data-state="ValidateAddress"] rect').boundingBox();
  expect(parallel && name && address).toBeTruthy();
  if (parallel && name && address) {
    for (const b of [name, address]) {
      expect(b.x).toBeGreaterThan(parallel.x);
      expect(b.x + b.width).toBeLessThan(parallel.x + parallel.width);
      expect(b.y).toBeGreaterThan(parallel.y);
    }
    expect(Math.abs(name.y - address.y)).toBeLessThan(1);
  }
  await expect(graph.locator('[data-state="IsFlagged"] polygon')).toHaveCount(1);
  for (const label of ["flagged = true", "otherwise", "rejected", "timed out", "error"])
    await expect(graph.getByText(label, { exact: true }).first()).toBeAttached();
  await expect(graph.locator('[data-current="true"]')).toContainText("PendingReview");
  await expect(graph.locator('[data-visited="true"][data-state="ValidateName"]')).toHaveCount(1);
});
