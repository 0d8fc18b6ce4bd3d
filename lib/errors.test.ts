import { expect, test, vi } from "vitest";
import { AppError, errorBody, isAppError } from "./errors";

test("an AppError from another copy of the module is still recognised and mapped to its status", async () => {
  // The app server holds two copies of this module (instrumentation.ts builds the ports apart from
  // the routes): an error thrown by one copy reaches the other's error mapping.
  vi.resetModules();
  const other = await import("./errors");
  expect(other.AppError).not.toBe(AppError);
  const err = new other.AppError("unauthorized", "Email or password is incorrect");
  expect(err instanceof AppError).toBe(false);
  expect(isAppError(err)).toBe(true);
  expect(errorBody(err)).toEqual({
    status: 401,
    body: { error: { code: "unauthorized", message: "Email or password is incorrect" } },
  });
  expect(isAppError(new Error("x"))).toBe(false);
  expect(isAppError({ name: "AppError", code: "gone" })).toBe(false);
});
