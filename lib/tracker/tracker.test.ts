import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { expect, test } from "vitest";

const source = fs.readFileSync("lib/tracker/t.js", "utf8");

test("the tracker is at most 4 KB gzipped and framework-free", () => {
  expect(gzipSync(source, { level: 9 }).length).toBeLessThanOrEqual(4096);
  expect(source).not.toMatch(/\brequire\(|\bimport\b/);
});

test("it sends no page text: only origin + path of the page, and the referrer without its query", () => {
  expect(source).toContain("w.location.origin + w.location.pathname");
  expect(source).toContain('d.referrer.split("?")[0]');
  expect(source).not.toMatch(/innerText|textContent|\.value\b/);
});
