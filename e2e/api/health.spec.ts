import { expect, test } from "@playwright/test";
import { EMAILS, PASSWORD } from "../support";

test("GET /api/health is 200 on the embedded default; details (versions) only for admins", async ({
  request,
  playwright,
  baseURL,
}) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });

  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL ?? "" } });
  expect((await admin.post("/api/auth/login", { data: { email: EMAILS.admins, password: PASSWORD } })).status()).toBe(
    200,
  );
  expect(await (await admin.get("/api/health")).json()).toMatchObject({
    status: "ok",
    backend: "local",
    database: { kind: "pglite", reachable: true, serverVersion: expect.any(String) },
  });
  await admin.dispose();
});

test("security headers are set on pages", async ({ request }) => {
  const res = await request.get("/login");
  const h = res.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).not.toContain("unsafe-eval");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("API calls without a session get 401 JSON, with the wrong role 403", async ({ request, playwright, baseURL }) => {
  const anon = await request.get("/api/admin/users");
  expect(anon.status()).toBe(401);
  expect((await anon.json()).error.code).toBe("unauthorized");

  const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL ?? "" } });
  const login = await ctx.post("/api/auth/login", { data: { email: EMAILS.analysts, password: PASSWORD } });
  expect(login.status()).toBe(200);
  const res = await ctx.get("/api/admin/users");
  expect(res.status()).toBe(403);
  await ctx.dispose();
});
