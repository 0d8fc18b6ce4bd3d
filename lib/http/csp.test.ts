import { describe, expect, test } from "vitest";
import { buildCsp, cognitoRegionOf } from "./csp";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("buildCsp", () => {
  test("scripts need this request's nonce; no 'unsafe-inline' and, in production, no 'unsafe-eval'", () => {
    const csp = buildCsp({ nonce: "abc123", dev: false });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(buildCsp({ nonce: "n", dev: true })).toContain("'unsafe-eval'");
  });

  test("connect-src names the region's Cognito host, with no wildcard (Chromium rejects a mid-host *)", () => {
    const csp = buildCsp({ nonce: "n", dev: false, cognitoRegion: "eu-west-1" });
    expect(directive(csp, "connect-src")).toBe("connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com");
    expect(csp).not.toContain("*");
    expect(directive(buildCsp({ nonce: "n", dev: false }), "connect-src")).toBe("connect-src 'self'");
  });

  test("the region comes from AWS_REGION or the user pool id, and nothing else gets into the policy", () => {
    expect(cognitoRegionOf({ AWS_REGION: "us-east-1" })).toBe("us-east-1");
    expect(cognitoRegionOf({ COGNITO_USER_POOL_ID: "ap-southeast-2_AbCdEf" })).toBe("ap-southeast-2");
    expect(cognitoRegionOf({ COGNITO_USER_POOL_ID: "evil.com; script-src *_x" })).toBeNull();
    expect(cognitoRegionOf({})).toBeNull();
  });
});
