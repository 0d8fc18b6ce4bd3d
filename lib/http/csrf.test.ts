import { describe, expect, test } from "vitest";
import { isSameOriginWrite } from "./csrf";

const req = (method: string, headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/x", { method, headers: { host: "localhost:3000", ...headers } });

describe("isSameOriginWrite", () => {
  test("reads are always allowed", () => {
    expect(isSameOriginWrite(req("GET", { cookie: "a=b", origin: "https://evil.example" }))).toBe(true);
  });
  test("a cookie write from our own origin passes", () => {
    expect(isSameOriginWrite(req("POST", { cookie: "a=b", origin: "http://localhost:3000" }))).toBe(true);
  });
  test("a cookie write from another origin is refused", () => {
    expect(isSameOriginWrite(req("POST", { cookie: "a=b", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginWrite(req("PATCH", { cookie: "a=b", "sec-fetch-site": "cross-site" }))).toBe(false);
  });
  test("a cookie write with no origin information is refused", () => {
    expect(isSameOriginWrite(req("DELETE", { cookie: "a=b" }))).toBe(false);
  });
  test("a write without cookies (API key, bearer) has no ambient authority and passes", () => {
    expect(isSameOriginWrite(req("POST", { authorization: "Bearer x" }))).toBe(true);
  });
  test("the scheme and port count, and X-Forwarded-Host is not believed", () => {
    const cookie = "a=b";
    expect(isSameOriginWrite(req("POST", { cookie, origin: "https://localhost:3000" }))).toBe(false);
    expect(isSameOriginWrite(req("POST", { cookie, origin: "http://localhost:3001" }))).toBe(false);
    expect(
      isSameOriginWrite(req("POST", { cookie, origin: "https://evil.example", "x-forwarded-host": "evil.example" })),
    ).toBe(false);
  });
  test("with a configured app URL, only that origin passes", () => {
    const appOrigin = "https://sightline.example.com";
    const cookie = "a=b";
    expect(isSameOriginWrite(req("POST", { cookie, origin: appOrigin }), { appOrigin })).toBe(true);
    expect(isSameOriginWrite(req("POST", { cookie, origin: "http://sightline.example.com" }), { appOrigin })).toBe(
      false,
    );
    expect(isSameOriginWrite(req("POST", { cookie, origin: "http://localhost:3000" }), { appOrigin })).toBe(false);
  });
  test("sign-in is checked without a cookie too (login CSRF), but a plain API client passes", () => {
    const always = { always: true };
    expect(isSameOriginWrite(req("POST", { origin: "https://evil.example" }), always)).toBe(false);
    expect(isSameOriginWrite(req("POST", { "sec-fetch-site": "cross-site" }), always)).toBe(false);
    expect(isSameOriginWrite(req("POST", { origin: "http://localhost:3000" }), always)).toBe(true);
    expect(isSameOriginWrite(req("POST", {}), always)).toBe(true);
  });
});
