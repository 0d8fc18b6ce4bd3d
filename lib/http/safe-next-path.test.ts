import { expect, test } from "vitest";
import { safeNextPath } from "./safe-next-path";

test("only same-site relative paths survive as a sign-in destination", () => {
  expect(safeNextPath("/findings?severity=high")).toBe("/findings?severity=high");
  expect(safeNextPath("//evil.example")).toBe("/");
  expect(safeNextPath("/\\evil.example")).toBe("/");
  expect(safeNextPath("https://evil.example")).toBe("/");
  expect(safeNextPath(undefined)).toBe("/");
});
