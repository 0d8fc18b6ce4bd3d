import { expect, test } from "@playwright/test";
import { signIn } from "../support";

test("the ETL run list shows runs that loaded something, and one line for the watcher's polls that found nothing new (defect 10)", async ({
  page,
}) => {
  await signIn(page, "admins", "/admin/ingestion");
  const runs = page.getByRole("region", { name: "ETL runs" });
  // The watcher polls the raw area every few seconds; once it has polled, there is one line for it.
  const idle = runs.getByTestId("idle-runs");
  await expect(idle).toBeVisible({ timeout: 5 * 60_000 });
  await expect(idle).toHaveText(/^No new log files since .+\. Last checked .+; [\d,]+ files were already loaded\.$/);
  const firstCheck = await idle.textContent();
  // After further polls there is still a single line (its time moves on), and no row per poll.
  await expect
    .poll(
      async () => {
        await page.reload();
        return runs.getByTestId("idle-runs").textContent();
      },
      { timeout: 5 * 60_000 },
    )
    .not.toBe(firstCheck);
  await expect(runs.getByTestId("idle-runs")).toHaveCount(1);
  await expect(runs).not.toContainText("unchanged");
  // The demo estate keeps writing logs, so the watcher may have loaded new files: its rows, if any,
  // are runs that loaded something (the Objects column is never 0).
  const watcherObjects = runs.getByRole("row").filter({ hasText: "watcher" }).locator("td:nth-child(5)");
  for (const objects of await watcherObjects.allTextContents()) expect(objects).not.toMatch(/^0\b/);
  await expect(runs.getByRole("row").filter({ hasText: "demo-seed" })).toHaveCount(1);
});
