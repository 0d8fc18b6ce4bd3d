import { expect, test } from "@playwright/test";
import { EMAILS, PASSWORD } from "../support";

test("after sign-in, ?next= can only lead to a path on this site (no open redirect, no 500)", async ({
  playwright,
  baseURL,
}) => {
  const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL ?? "" } });
  expect((await ctx.post("/api/auth/login", { data: { email: EMAILS.analysts, password: PASSWORD } })).status()).toBe(
    200,
  );
  for (const [next, location] of [
    ["/%09/evil.example", "/"],
    ["//evil.example", "/"],
    ["/%5Cevil.example", "/"],
    ["https://evil.example", "/"],
    ["/%E3%80%80/x", "/%E3%80%80/x"],
    ["/findings?severity=5", "/findings?severity=5"],
  ]) {
    const res = await ctx.get(`/login?next=${next}`, { maxRedirects: 0 });
    expect(res.status(), next).toBe(307);
    expect(res.headers().location, next).toBe(location);
  }
  await ctx.dispose();
});

test("pages allow only scripts with this response's nonce", async ({ request }) => {
  const res = await request.get("/login");
  const csp = res.headers()["content-security-policy"] ?? "";
  const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc).not.toContain("unsafe-inline");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce).toBeTruthy();
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // A new response, a new nonce.
  const again = (await request.get("/login")).headers()["content-security-policy"];
  expect(again).not.toContain(nonce);
});

test("an oversized streamed body to /api/collect is refused with 413 while it arrives", async ({ baseURL }) => {
  let sent = 0;
  const chunk = new Uint8Array(1 << 20).fill(97);
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent >= 64) return c.close();
      sent++;
      c.enqueue(chunk);
    },
  });
  const res = await fetch(`${baseURL}/api/collect`, {
    method: "POST",
    headers: { "content-type": "text/plain", "user-agent": "Mozilla/5.0 Chrome/120" },
    body,
    duplex: "half",
  } as RequestInit);
  expect(res.status).toBe(413);
  expect((await res.json()).error.code).toBe("payload_too_large");
});
