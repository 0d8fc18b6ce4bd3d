import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { CATEGORIES, PRODUCTS } from "@/lib/schemas/demo-store";
import { signIn } from "../support";

/**
 * Every page of the app, scanned by axe-core in the light and the dark theme: no serious or
 * critical violation anywhere (defect 11). Admins may see every signed-in page; the sign-in page and
 * the demo store are scanned signed out.
 */
const STATIC_PAGES = [
  "/findings",
  "/activity",
  "/entities",
  "/rules",
  "/suppressions",
  "/reviews",
  "/incidents",
  "/notifications",
  "/apply",
  "/clickstream",
  "/clickstream/trends",
  "/clickstream/funnels",
  "/clickstream/retention",
  "/clickstream/paths",
  "/clickstream/products",
  "/clickstream/sessions",
  "/admin",
  "/admin/api-keys",
  "/admin/audit",
  "/admin/clickstream",
  "/admin/ingestion",
];
const PUBLIC_PAGES = [
  "/login",
  "/demo-store",
  "/demo-store/cart",
  `/demo-store/category/${CATEGORIES[0]?.slug}`,
  `/demo-store/product/${PRODUCTS[0]?.id}`,
];
/** Detail pages: the first item a list page links to, from the demo data. */
const DETAIL_PAGES = [
  { list: "/findings", prefix: "/findings/" },
  { list: "/rules", prefix: "/rules/" },
  { list: "/reviews", prefix: "/reviews/" },
  { list: "/incidents", prefix: "/incidents/" },
  { list: "/clickstream/sessions", prefix: "/clickstream/sessions/" },
];

async function firstDetailPath(page: Page, list: string, prefix: string): Promise<string> {
  const link = page.locator(`main a[href^="${prefix}"]`).first();
  // The sample finding's review appears once its workflow reaches the review step: reload until then.
  await expect(async () => {
    await page.goto(list);
    await expect(link).toBeVisible();
  }).toPass({ timeout: 180_000 });
  return (await link.getAttribute("href")) ?? "";
}

/** An IP address's entity page, for an address the demo activity really has. */
async function entityPath(page: Page): Promise<string> {
  const res = await page.request.get("/api/activity?limit=50");
  const ip = ((await res.json()) as { items: { sourceIp: string | null }[] }).items
    .map((e) => e.sourceIp)
    .find((v): v is string => !!v && /^\d+\.\d+\.\d+\.\d+$/.test(v));
  expect(ip, "the demo data has an event from an IPv4 address").toBeTruthy();
  return `/entities?kind=ip&value=${encodeURIComponent(ip ?? "")}`;
}

/** Every signed-in page an admin may open: home, the static pages, then one of each detail page. */
async function signedInPaths(page: Page): Promise<string[]> {
  const details = [];
  for (const d of DETAIL_PAGES) details.push(await firstDetailPath(page, d.list, d.prefix));
  details.push(await entityPath(page));
  return ["/", ...STATIC_PAGES, ...details];
}

/** The serious and critical problems axe finds on one page, one line each. */
async function scan(page: Page, path: string, status = 200): Promise<string[]> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(status);
  await expect(page.locator("body")).not.toContainText("Loading…");
  // Colours mid-transition (a button enabled on hydration fades from grey) are not what people read:
  // wait for running transitions to end before measuring contrast.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function useTheme(context: BrowserContext, theme: "light" | "dark", baseURL: string) {
  await context.addCookies([{ name: "sl_theme", value: theme, url: baseURL }]);
}

for (const theme of ["light", "dark"] as const) {
  test(`every page passes the accessibility scan in the ${theme} theme`, async ({ page, browser, baseURL }) => {
    const base = baseURL ?? "";
    // A sample finding gives the review queue and the incidents list an item to open.
    await useTheme(page.context(), theme, base);
    await signIn(page, "admins");
    await page.goto("/incidents");
    await page.getByRole("button", { name: "Generate sample finding" }).click();
    await expect(page.getByTestId("sample-resource")).toBeVisible({ timeout: 60_000 });

    const problems: string[] = [];
    for (const path of await signedInPaths(page)) problems.push(...(await scan(page, path)));

    const visitor = await browser.newContext();
    await useTheme(visitor, theme, base);
    const anon = await visitor.newPage();
    for (const path of PUBLIC_PAGES) problems.push(...(await scan(anon, path)));
    await visitor.close();

    // The panel a role sees on a page it may not open.
    const reviewer = await browser.newContext();
    await useTheme(reviewer, theme, base);
    const refused = await reviewer.newPage();
    await signIn(refused, "reviewers");
    problems.push(...(await scan(refused, "/admin", 403)));
    await reviewer.close();

    expect(problems).toEqual([]);
  });
}

test("a disabled button looks disabled: grey, not the primary blue (defect 11)", async ({ page }) => {
  await signIn(page, "analysts");
  await page.goto(await firstDetailPath(page, "/findings", "/findings/"));
  const save = page.getByRole("button", { name: "Save", exact: true });
  await expect(save).toBeDisabled();
  // As RGB: Tailwind's colours are oklch(), so the browser paints one pixel of it to read it back.
  const background = () =>
    save.evaluate((el) => {
      const ctx = document.createElement("canvas").getContext("2d");
      if (!ctx) return [];
      ctx.fillStyle = getComputedStyle(el).backgroundColor;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    });
  const disabled = await background();
  await page.getByRole("textbox", { name: "Note", exact: true }).fill("Checked with the owner");
  await expect(save).toBeEnabled();
  const enabled = await background();
  expect(disabled).not.toEqual(enabled);
  // The disabled colour is a grey: its red, green and blue parts are close together.
  expect(disabled).toHaveLength(3);
  expect(Math.max(...disabled) - Math.min(...disabled)).toBeLessThan(40);
});

test("no page scrolls sideways on a phone (390×844): wide tables scroll inside their own box", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, "admins");
  const wide: string[] = [];
  for (const path of [...(await signedInPaths(page)), ...PUBLIC_PAGES.slice(1)]) {
    await page.goto(path);
    await expect(page.locator("body")).not.toContainText("Loading…");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wide.push(`${path}: ${width} px`);
  }
  await context.close();
  expect(wide).toEqual([]);
});
