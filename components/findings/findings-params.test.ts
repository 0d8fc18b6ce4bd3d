import { describe, expect, test } from "vitest";
import { buildExportHref, buildFilterParams, setTextFilters, toggleParamValue } from "./findings-params";

describe("findings filter params", () => {
  test("a changed filter drops the cursor and keeps the rest", () => {
    const next = buildFilterParams(new URLSearchParams("severity=5&cursor=abc"), (p) => p.set("type", "Recon"));
    expect(next.toString()).toBe("severity=5&type=Recon");
  });
  test("toggling a repeated value adds it, then takes it out again", () => {
    const p = new URLSearchParams("severity=5&severity=4");
    toggleParamValue(p, "severity", "3");
    expect(p.getAll("severity")).toEqual(["5", "4", "3"]);
    toggleParamValue(p, "severity", "5");
    expect(p.getAll("severity")).toEqual(["4", "3"]);
  });
  test("text filters are trimmed and empty ones removed", () => {
    const p = new URLSearchParams("q=old&region=eu-west-1&sort=severity");
    setTextFilters(p, { q: "  root ", type: "", region: " " });
    expect(p.toString()).toBe("q=root&sort=severity");
  });
  test("the export link carries the filter without the page cursor", () => {
    expect(buildExportHref(new URLSearchParams("status=new&cursor=c1&q=x"))).toBe(
      "/api/findings/export?status=new&q=x",
    );
  });
});
