import { describe, expect, test } from "vitest";
import { isSameOriginWrite } from "./csrf";

const req = (method: string, headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/x", { method, headers });

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
});
