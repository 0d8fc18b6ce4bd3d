import { execFileSync } from "node:child_process";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { findOwner } from "@/lib/db/embedded";
import { PgDatabase } from "@/lib/db/pg-database";
import { signIn } from "../support";

const DATA_DIR = path.resolve(".sightline-e2e");
// Headless Chromium announces itself as HeadlessChrome, which ingest (rightly) drops as a bot.
test.use({
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
});

interface Row {
  event_name: string;
  session_id: string;
  product_id: string | null;
  product_discount_price: string | null;
}

/** Runs the warehouse ETL (`npm run etl` on the server's embedded database) until `done` holds for the rows. */
async function loadedEvents(clientId: string, done: (rows: Row[]) => boolean): Promise<Row[]> {
  for (let i = 0; i < 10; i++) {
    execFileSync("npm", ["run", "--silent", "etl"], {
      env: { ...process.env, SIGHTLINE_DATA_DIR: DATA_DIR, DATABASE_URL: "" },
      stdio: "pipe",
    });
    const db = new PgDatabase({ url: (await findOwner(DATA_DIR, 5_000)) ?? "", kind: "pglite" });
    try {
      const rows = await db.query<Row>(
        `SELECT event_name, session_id, product_id, product_discount_price::text AS product_discount_price
         FROM clickstream_events WHERE client_id = $1 ORDER BY event_timestamp, client_seq`,
        [clientId],
      );
      if (done(rows)) return rows;
    } finally {
      await db.close();
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the visitor's purchase never reached the warehouse");
}

async function addProduct(page: Page, name: string, inCart: string) {
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText(inCart);
}

/** Sends what the tracker queued now (its pagehide handler), while the page is alive and has our user agent. */
async function sendQueued(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide", { persisted: false })));
  await expect.poll(() => page.evaluate(() => localStorage.getItem("sl_q"))).toBe("[]");
}

/** Everything the checkout asks for but the name, filled in correctly (the card is the test number). */
async function fillCheckoutDetails(page: Page) {
  const details = {
    Email: "ada@example.com",
    "Street address": "12 Analytical Row",
    "Town or city": "London",
    Postcode: "NW1 6XE",
    Country: "United Kingdom",
    "Card number": "4242 4242 4242 4242",
    "Expiry (MM/YY)": "12/99",
    "Security code": "123",
  };
  for (const [label, value] of Object.entries(details)) await page.getByLabel(label, { exact: true }).fill(value);
}

/**
 * The admin's side of the purchase: a six-step funnel with an exclusion step and a category
 * breakdown, percentages on the bars, and correlation over the same funnel.
 */
async function runSixStepFunnel(page: Page) {
  await page.goto("/clickstream/funnels");
  const form = page.getByRole("form", { name: "Funnel definition" });
  const steps = ["page_view", "product_view", "add_to_cart", "cart_view", "checkout_start", "purchase"];
  while ((await form.getByLabel(/^Step \d+ event$/).count()) < steps.length)
    await form.getByRole("button", { name: "Add step" }).click();
  for (const [i, event] of steps.entries()) await form.getByLabel(`Step ${i + 1} event`, { exact: true }).fill(event);
  // Not "removed something between checkout and purchase": the visitor removed an item before checkout.
  await form.getByRole("button", { name: "Add exclusion" }).click();
  await form.getByLabel("Exclusion 1 event").fill("remove_from_cart");
  await form.getByLabel("Exclusion 1 from step").selectOption("5");
  await form.getByLabel("Exclusion 1 to step").selectOption("6");
  await form.getByLabel("Breakdown").selectOption("category");
  await form.getByRole("button", { name: "Run funnel" }).click();

  const table = page.getByRole("table", { name: "Funnel steps" });
  await expect(table.getByRole("row")).toHaveCount(steps.length + 1);
  // The visitor converted: at least one unit reached step 6.
  await expect(page.getByTestId("step-6-count")).toHaveText(/^[1-9]\d*$/);
  const chart = page.getByRole("figure", { name: "Units per step", exact: true });
  await expect(chart.locator(".recharts-label-list")).toContainText("100.0%");
  await expect(chart.locator(".recharts-label-list")).toContainText(/\d+\.\d%/);
  await expect(page.getByRole("table", { name: "Funnel breakdown" })).toContainText("shoes");
  const byValue = page.getByRole("figure", { name: "Units per step by breakdown value" });
  await expect(byValue.locator(".recharts-legend-item").filter({ hasText: "shoes" })).toBeVisible();

  await page.getByRole("button", { name: "Show correlation" }).click();
  await expect(page.getByText(/^[1-9][\d,]* converted and [\d,]+ did not\./)).toBeVisible();
  await expect(page.getByRole("table", { name: "Events", exact: true })).toBeVisible();
}

test("a visitor buys from the demo store, and the purchase reaches the warehouse and the session page", async ({
  page,
}) => {
  await page.goto("/demo-store");
  await page.waitForFunction(() => Boolean((window as unknown as { sightline?: unknown }).sightline));
  await page.getByRole("link", { name: "Shoes" }).click();
  await addProduct(page, "Trail Runner", "1 in your cart");
  await page.getByRole("link", { name: "Shoes" }).click();
  await addProduct(page, "City Sneaker", "1 in your cart");
  await page.getByRole("link", { name: "View cart" }).click();

  await expect(page.getByRole("list", { name: "Cart items" }).getByRole("listitem")).toHaveCount(2);
  await page.getByLabel("Quantity of Trail Runner").selectOption("2");
  await expect(page.getByTestId("cart-total")).toHaveText("$283.00");
  await page.getByRole("button", { name: "Remove City Sneaker" }).click();
  await expect(page.getByRole("list", { name: "Cart items" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByTestId("cart-total")).toHaveText("$198.00");
  await page.getByLabel("Discount code").fill("NOTACODE");
  await page.getByRole("button", { name: "Apply" }).click();
  // (Next's route announcer is an alert too.)
  await expect(page.getByRole("alert").filter({ hasText: "NOTACODE" })).toHaveText(
    "“NOTACODE” is not a code this store knows.",
  );
  await page.getByLabel("Discount code").fill("welcome10");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Discount (WELCOME10)")).toBeVisible();
  await expect(page.getByTestId("cart-total")).toHaveText("$178.20");

  await page.getByRole("link", { name: "Go to checkout" }).click();
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill("ada");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "need fixing" })).toHaveText(
    "8 details need fixing before you can place the order.",
  );
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await fillCheckoutDetails(page);
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByRole("heading", { name: "Thank you, your order is placed" })).toBeVisible();
  await expect(page.getByTestId("order-number")).toHaveText(/^SL-[A-Z2-9]{8}$/);
  await expect(page.getByText("2 × Trail Runner at $89.10")).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart", exact: true })).toBeVisible();
  const clientId = (await page.evaluate(() => localStorage.getItem("sl_cid"))) ?? "";
  const sessionId = await page.evaluate(
    () => (JSON.parse(localStorage.getItem("sl_sess") ?? "{}") as { id?: string }).id ?? "",
  );
  await sendQueued(page);

  const rows = await loadedEvents(clientId, (r) => r.filter((e) => e.event_name === "purchase").length === 2);
  const names = rows.map((r) => r.event_name);
  for (const name of ["cart_view", "cart_update", "coupon_applied", "checkout_start", "add_payment_info"])
    expect(names).toContain(name);
  expect(rows.filter((r) => r.event_name === "add_to_cart").map((r) => r.product_id)).toEqual(["p-100", "p-101"]);
  expect(rows.filter((r) => r.event_name === "remove_from_cart").map((r) => r.product_id)).toEqual(["p-101"]);
  expect(rows.filter((r) => r.event_name === "checkout_start").map((r) => r.product_id)).toEqual(["p-100"]);
  expect(rows.filter((r) => r.event_name === "purchase")).toEqual([
    { event_name: "purchase", session_id: sessionId, product_id: "p-100", product_discount_price: "89.10" },
    { event_name: "purchase", session_id: sessionId, product_id: "p-100", product_discount_price: "89.10" },
  ]);

  await signIn(page, "admins", "/clickstream");
  await runSixStepFunnel(page);
  await page.goto("/clickstream/sessions?reached=purchase");
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: sessionId.slice(0, 8), exact: true }) });
  // The session list says what the visitor used (this test's user agent) and that they came directly.
  await expect(row).toContainText("Chrome 156 on Linux (desktop)");
  await expect(row).toContainText("direct");
  await row.getByRole("link", { name: sessionId.slice(0, 8), exact: true }).click();
  const summary = page.getByRole("definition").filter({ hasText: "Chrome 156" });
  await expect(summary).toHaveText("Chrome 156 on Linux (desktop)");
  const timeline = page.getByRole("list", { name: "Session timeline" });
  await expect(timeline.getByText("purchase", { exact: true })).toHaveCount(2);
  await expect(timeline.getByText("add_payment_info", { exact: true })).toBeVisible();
});

/** Serious and critical axe problems on the page as it is now, one line each. */
async function axeProblems(page: Page, where: string): Promise<string[]> {
  await expect(page.locator("body")).not.toContainText("Loading");
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${where}: ${v.id} ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const theme of ["light", "dark"] as const) {
  test(`a filled cart, a checkout showing its problems and the confirmation pass the accessibility scan (${theme})`, async ({
    page,
    baseURL,
  }) => {
    await page.context().addCookies([{ name: "sl_theme", value: theme, url: baseURL ?? "" }]);
    const problems: string[] = [];
    await page.goto("/demo-store/product/p-200");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("status")).toContainText("1 in your cart");
    await page.getByRole("link", { name: "View cart" }).click();
    await page.getByLabel("Discount code").fill("WELCOME10");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText("Discount (WELCOME10)")).toBeVisible();
    problems.push(...(await axeProblems(page, "cart")));
    await page.getByRole("link", { name: "Go to checkout" }).click();
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "need fixing" })).toBeVisible();
    problems.push(...(await axeProblems(page, "checkout")));
    await page.getByLabel("Full name", { exact: true }).fill("Ada Lovelace");
    await fillCheckoutDetails(page);
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page.getByTestId("order-number")).toBeVisible();
    problems.push(...(await axeProblems(page, "confirmation")));
    expect(problems).toEqual([]);
  });
}
