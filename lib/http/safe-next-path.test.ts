import { expect, test } from "vitest";
import { safeNextPath } from "./safe-next-path";

test("only same-site relative paths survive as a sign-in destination", () => {
  expect(safeNextPath("/findings?severity=high")).toBe("/findings?severity=high");
  expect(safeNextPath("/reviews/abc#comments")).toBe("/reviews/abc#comments");
  expect(safeNextPath("//evil.example")).toBe("/");
  expect(safeNextPath("/\\evil.example")).toBe("/");
  expect(safeNextPath("https://evil.example")).toBe("/");
  expect(safeNextPath("evil.example")).toBe("/");
  expect(safeNextPath(undefined)).toBe("/");
});

test("characters a browser strips or folds cannot turn the path into another host", () => {
  // What browsers drop from URLs: tab, new line, carriage return.
  for (const ch of ["\t", "\n", "\r"]) {
    expect(safeNextPath(`/${ch}/evil.example`)).toBe("/");
    expect(safeNextPath(`/${ch}\\evil.example`)).toBe("/");
  }
  expect(safeNextPath("/\\/evil.example")).toBe("/");
  expect(safeNextPath("/%2F/evil.example")).toBe("/%2F/evil.example"); // stays a path: the browser does not decode it
  // The result parses back to our own origin, whatever it was given.
  for (const next of ["/\t/evil.example", "/.//evil.example", "/..//evil.example", "/ /x", "/%09/evil.example"]) {
    const out = safeNextPath(next);
    expect(new URL(out, "https://app.example").origin).toBe("https://app.example");
  }
});

test("the destination is safe in a Location header (no raw non-ASCII, no control characters)", () => {
  expect(safeNextPath("/\u3000/x")).toBe("/%E3%80%80/x");
  expect(safeNextPath("/findings?q=é")).toBe("/findings?q=%C3%A9");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the check is for control characters
  expect(safeNextPath("/a\u0000b")).not.toMatch(/[\u0000-\u001f\u007f-\uffff]/);
});
