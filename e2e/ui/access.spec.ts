import { expect, test } from "@playwright/test";
import { signIn } from "../support";

test("a page the role may not see answers 403 with the friendly panel; an admin gets the page (defect 13)", async ({
  page,
  browser,
}) => {
  await signIn(page, "analysts");
  for (const path of ["/admin", "/admin/audit", "/clickstream", "/reviews"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "This page is not for your role" })).toBeVisible();
    await expect(page.getByText("Ask an admin if you need access.")).toBeVisible();
    // Still inside the signed-in shell: the person can go elsewhere from here.
    await expect(page.getByTestId("whoami")).toBeVisible();
  }

  const admin = await browser.newPage();
  await signIn(admin, "admins");
  const res = await admin.goto("/admin");
  expect(res?.status()).toBe(200);
  await expect(admin.getByRole("heading", { name: "This page is not for your role" })).toHaveCount(0);
});

test("the site has an icon: /favicon.ico answers with an image, signed in or not (defect 13)", async ({ request }) => {
  const res = await request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^image\//);
  expect((await res.body()).length).toBeGreaterThan(0);
});
