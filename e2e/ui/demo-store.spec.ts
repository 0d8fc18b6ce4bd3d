import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findOwner } from "@/lib/db/embedded";
import { PgDatabase } from "@/lib/db/pg-database";

const DATA_DIR = path.resolve(".sightline-e2e");
// Headless Chromium announces itself as HeadlessChrome, which ingest (rightly) drops as a bot.
test.use({
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
});

test("a visitor's clicks in the demo store reach the warehouse with their session and product", async ({ page }) => {
  await page.goto("/demo-store");
  await expect(page.getByRole("heading", { level: 1 }).or(page.getByText("Sightline demo store"))).toBeVisible();
  await page.waitForFunction(() => Boolean((window as unknown as { sightline?: unknown }).sightline));
  await page.getByRole("link", { name: "Trail Runner" }).click();
  await expect(page.getByRole("heading", { name: "Trail Runner" })).toBeVisible();
  await page.getByRole("button", { name: "Add to cart" }).click();
  const clientId = await page.evaluate(() => localStorage.getItem("sl_cid"));
  const sessionId = await page.evaluate(
    () => (JSON.parse(localStorage.getItem("sl_sess") ?? "{}") as { id?: string }).id,
  );
  expect(clientId).toBeTruthy();
  // The tracker's pagehide handler sends the queued batch with sendBeacon. It is fired here while the
  // page is alive: headless Chromium sends beacons of a page being unloaded with its HeadlessChrome
  // user agent (ignoring overrides), which ingest drops as a bot.
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide", { persisted: false })));
  expect(await page.evaluate(() => localStorage.getItem("sl_q"))).toBe("[]");
  await page.goto("/login");

  // `npm run etl` against the running server's embedded database (the lease keeps it from overlapping the scheduler).
  let loaded = false;
  for (let i = 0; i < 10 && !loaded; i++) {
    execFileSync("npm", ["run", "--silent", "etl"], {
      env: { ...process.env, SIGHTLINE_DATA_DIR: DATA_DIR, DATABASE_URL: "" },
      stdio: "pipe",
    });
    const url = await findOwner(DATA_DIR, 5_000);
    const db = new PgDatabase({ url: url ?? "", kind: "pglite" });
    try {
      const rows = await db.query<{
        event_name: string;
        session_id: string;
        product_id: string | null;
        product_brand: string | null;
        product_discount_price: string | null;
      }>(
        "SELECT event_name, session_id, product_id, product_brand, product_discount_price FROM clickstream_events WHERE client_id = $1 ORDER BY event_timestamp",
        [clientId],
      );
      const names = rows.map((r) => r.event_name);
      if (names.includes("add_to_cart") && names.includes("product_view")) {
        loaded = true;
        expect(names).toContain("page_view");
        const cart = rows.find((r) => r.event_name === "add_to_cart");
        expect(cart).toMatchObject({
          session_id: sessionId,
          product_id: "p-100",
          product_brand: "Northpeak",
          product_discount_price: "99.00",
        });
        expect(new Set(rows.map((r) => r.session_id))).toEqual(new Set([sessionId]));
      }
    } finally {
      await db.close();
    }
    if (!loaded) await new Promise((r) => setTimeout(r, 1000));
  }
  expect(loaded).toBe(true);
});
