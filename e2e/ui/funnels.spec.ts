import { expect, test } from "@playwright/test";
import { signIn } from "../support";

test("an admin builds a 4-step funnel with a category breakdown, saves it, and the shared URL gives the same numbers", async ({
  page,
}) => {
  await signIn(page, "admins");
  await page.goto("/clickstream/funnels");
  const form = page.getByRole("form", { name: "Funnel definition" });
  // Default steps: page_view → product_view → add_to_cart → purchase; make step 4 checkout_start.
  await form.getByLabel("Step 4 event").fill("checkout_start");
  await form.getByLabel("Breakdown").selectOption("category");
  await form.getByLabel("Order").selectOption("sequential");
  // What was typed is still there when the funnel runs (nothing resets the form behind the user).
  await expect(form.getByLabel("Step 4 event")).toHaveValue("checkout_start");
  await form.getByRole("button", { name: "Run funnel" }).click();

  const steps = page.getByRole("table", { name: "Funnel steps" });
  // The page first shows the default funnel; wait for this definition's result, not for any table.
  await expect(steps).toContainText("checkout_start");
  await expect(steps.getByRole("row")).toHaveCount(5);
  await expect(
    page.getByRole("figure", { name: "Units per step" }).locator(".recharts-bar-rectangle").first(),
  ).toBeVisible();
  const breakdown = page.getByRole("table", { name: "Funnel breakdown" });
  await expect(breakdown).toContainText("shoes");
  const counts = async () => Promise.all([1, 2, 3, 4].map((i) => page.getByTestId(`step-${i}-count`).innerText()));
  const before = await counts();
  expect(Number(before[0])).toBeGreaterThan(0); // the demo traffic seeded on first start
  expect(Number(before[3])).toBeLessThanOrEqual(Number(before[0]));
  const breakdownBefore = await breakdown.innerText();

  await page.getByLabel("Funnel name").fill(`Checkout by category ${Date.now()}`);
  await page.getByRole("button", { name: "Save funnel" }).click();
  await expect(page).toHaveURL(/\?saved=[0-9a-f-]{36}$/);
  const shared = page.url();

  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByRole("table", { name: "Funnel steps" }).getByRole("row")).toHaveCount(5);
  expect(await Promise.all([1, 2, 3, 4].map((i) => other.getByTestId(`step-${i}-count`).innerText()))).toEqual(before);
  expect(await other.getByRole("table", { name: "Funnel breakdown" }).innerText()).toBe(breakdownBefore);
  await expect(other.getByLabel("Step 4 event")).toHaveValue("checkout_start");
  await other.getByText("Explain this number").click();
  // The local server keeps the events' columnar copy, so DuckDB counts it; while a load is being
  // published the copy is not complete and Postgres's raw events answer (a breakdown takes its value
  // from the step events, which the session rollup does not keep; the same numbers).
  await expect(
    other.getByText(/columnar copy of the events|takes its value from the events matched as steps/),
  ).toBeVisible();
});

test("the standard purchase funnel is answered from the ETL's per-day cube, with the same numbers as the session rollup", async ({
  page,
}) => {
  await signIn(page, "admins");
  await page.goto("/clickstream/funnels");
  const form = page.getByRole("form", { name: "Funnel definition" });
  await form.getByRole("button", { name: "Standard purchase funnel" }).click();
  await expect(form.getByLabel("Step 5 event")).toHaveValue("purchase");
  await form.getByRole("button", { name: "Run funnel" }).click();
  const steps = page.getByRole("table", { name: "Funnel steps" });
  await expect(steps.getByRole("row")).toHaveCount(6);
  await page.getByText("Explain this number").click();
  await expect(page.getByText("standard-funnel cube")).toBeVisible();
  const shown = await Promise.all([1, 2, 3, 4, 5].map((i) => page.getByTestId(`step-${i}-count`).innerText()));
  expect(Number(shown[0])).toBeGreaterThan(0);

  // The same definition through the API, forced onto the session rollup, counts the same sessions.
  const body = await page.evaluate(() => {
    const day = (d: number) =>
      new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + d * 86_400_000).toISOString();
    return { from: day(-6), to: day(1) };
  });
  const res = await page.request.post("/api/clickstream/funnel", {
    data: {
      steps: ["page_view", "product_view", "add_to_cart", "checkout_start", "purchase"].map((event) => ({ event })),
      windowMinutes: 60,
      path: "rollup",
      ...body,
    },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(200);
  const viaRollup = (await res.json()) as { steps: { count: number }[]; explain: { path: string } };
  expect(viaRollup.explain.path).toBe("rollup");
  expect(viaRollup.steps.map((s) => String(s.count))).toEqual(shown.map((s) => s.replace(/\D/g, "")));
});

test("analysts and reviewers are refused the clickstream pages and API", async ({ page }) => {
  for (const role of ["analysts", "reviewers"] as const) {
    await signIn(page, role);
    expect((await page.goto("/clickstream/funnels"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "This page is not for your role" })).toBeVisible();
    const res = await page.request.post("/api/clickstream/funnel", {
      data: {
        steps: [{ event: "page_view" }, { event: "purchase" }],
        windowMinutes: 60,
        from: "2026-01-01",
        to: "2026-01-02",
      },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(res.status()).toBe(403);
    await page.context().clearCookies();
  }
});
