import { expect, test } from "@playwright/test";
import { EMAILS, signIn } from "../support";

test("a reviewer approves a quarantine from the queue; the timeline shows each step's result; an admin undoes it", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // An admin generates a high-severity GuardDuty sample finding about a new simulated instance.
  const admin = await browser.newPage();
  await signIn(admin, "admins");
  await admin.goto("/incidents");
  await admin.getByRole("button", { name: "Generate sample finding" }).click();
  const instanceId = (await admin.getByTestId("sample-resource").textContent({ timeout: 120_000 }))?.trim() ?? "";
  expect(instanceId).toMatch(/^i-0[0-9a-f]{16}$/);

  // The approval lands in the review queue with the exact actions; the reviewer approves it.
  await signIn(page, "reviewers");
  await page.goto("/reviews");
  const row = page.getByRole("row").filter({ hasText: `Contain ${instanceId}` });
  await expect(row).toBeVisible({ timeout: 120_000 });
  await row.getByRole("link").click();
  const actions = page.getByRole("list", { name: "Proposed actions" });
  await expect(actions).toContainText("Isolate network interface");
  await expect(actions).toContainText("Detach from Auto Scaling group");
  await expect(actions).toContainText("Snapshot EBS volume");
  await expect(page.getByText("(simulated estate)")).toBeVisible();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("approved");

  // The incident timeline shows each step and the API's answer.
  await page.getByRole("link", { name: "Open the incident" }).click();
  await expect(page.getByTestId("incident-status")).toHaveText("contained", { timeout: 120_000 });
  const timeline = page.getByRole("table", { name: "Incident timeline" });
  await expect(timeline).toContainText(`Approved by ${EMAILS.reviewers}`);
  await expect(timeline).toContainText("→ transition group");
  await expect(timeline).toContainText("→ isolation group");
  await expect(timeline).toContainText("Detached from web-asg");
  await expect(timeline).toContainText("Termination protection on");
  await expect(timeline).toContainText("Snapshot of vol-");
  await expect(timeline.getByRole("row").filter({ hasText: "processes.txt" })).toContainText(/sha256 [0-9a-f]{64}/);
  await expect(timeline).toContainText("Incident contained");
  await expect(timeline).not.toContainText("✗ failed");
  await expect(page.getByText("simulated", { exact: true }).first()).toBeVisible();
  const incidentUrl = page.url();

  // An admin requests the release; a second person approves it; the original groups come back.
  await admin.goto(incidentUrl);
  await admin.getByLabel(/Why it is safe to release/).fill("Sample finding, nothing to contain");
  await admin.getByRole("button", { name: "Request release" }).click();
  await expect(admin.getByTestId("incident-status")).toHaveText("releasing", { timeout: 120_000 });

  await page.goto("/reviews");
  const release = page.getByRole("row").filter({ hasText: `Release ${instanceId} from quarantine` });
  await expect(release).toBeVisible({ timeout: 120_000 });
  await release.getByRole("link").click();
  // Defect 4: the release review lists every step the release takes, not only the security groups.
  const undo = page.getByRole("list", { name: "Proposed actions" });
  await expect(undo.getByRole("listitem")).toHaveText([
    /^Restore security groups eni-/,
    /^Re-attach to Auto Scaling group web-asg/,
    new RegExp(`^Turn termination protection off ${instanceId}`),
    new RegExp(`^Remove quarantine tag ${instanceId}`),
  ]);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("approved");

  await admin.reload();
  await expect(admin.getByTestId("incident-status")).toHaveText("released", { timeout: 120_000 });
  const after = admin.getByRole("table", { name: "Incident timeline" });
  await expect(after).toContainText("Restore security groups");
  await expect(after).toContainText("Re-attach to Auto Scaling group web-asg");
  await expect(after).toContainText("Remove quarantine tag");
  await expect(after).toContainText(`Release approved by ${EMAILS.reviewers}`);
  await expect(after).toContainText("Released from quarantine");

  // The admin downloads collected evidence; what is served hashes to what the timeline recorded.
  const download = after.getByRole("row").filter({ hasText: "processes.txt" }).getByRole("link", { name: "Download" });
  const res = await admin.request.get((await download.getAttribute("href")) ?? "");
  expect(res.status()).toBe(200);
  expect(res.headers()["x-evidence-matches-recorded"]).toBe("true");
  expect(await res.text()).toContain("USER PID COMMAND");
});

test("analysts see incidents but cannot release one or generate findings", async ({ page }) => {
  await signIn(page, "analysts");
  await page.goto("/incidents");
  await expect(page.getByRole("heading", { name: "Incidents" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Generate sample finding" })).toHaveCount(0);
  const origin = new URL(page.url()).origin;
  expect((await page.request.post("/api/admin/sample-findings", { data: {}, headers: { origin } })).status()).toBe(403);
  expect(
    (
      await page.request.post("/api/incidents/inc-x/release", { data: { reason: "let me" }, headers: { origin } })
    ).status(),
  ).toBe(403);
});
