import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadEnv } from "./env";

describe("loadEnv", () => {
  test("defaults to the local backend, .sightline data dir and port 3000", () => {
    const env = loadEnv({});
    expect(env.SIGHTLINE_BACKEND).toBe("local");
    expect(env.dataDir).toBe(path.resolve(".sightline"));
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });
  test("an empty DATABASE_URL means none", () => {
    expect(loadEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
  test("bad values are refused with the variable named", () => {
    expect(() => loadEnv({ SIGHTLINE_BACKEND: "gcp" })).toThrow(/SIGHTLINE_BACKEND/);
    expect(() => loadEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => loadEnv({ PORT: "99999" })).toThrow(/PORT/);
  });
  test("the aws backend needs its Cognito settings", () => {
    expect(() => loadEnv({ SIGHTLINE_BACKEND: "aws" })).toThrow(/COGNITO_USER_POOL_ID/);
    expect(
      loadEnv({ SIGHTLINE_BACKEND: "aws", COGNITO_USER_POOL_ID: "p", COGNITO_CLIENT_ID: "c" }).SIGHTLINE_BACKEND,
    ).toBe("aws");
  });
});
