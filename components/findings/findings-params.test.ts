import { describe, expect, test } from "vitest";
import {
  buildApiSearch,
  buildExportHref,
  buildFilterParams,
  setClosedShown,
  setTextFilters,
  shownStatuses,
  showsClosed,
  toggleParamValue,
  toggleStatus,
} from "./findings-params";

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
      "/api/findings/export?q=x&status=new",
    );
  });
  test("the export link names the statuses shown: the open ones when the URL names none", () => {
    expect(buildExportHref(new URLSearchParams("q=x"))).toBe("/api/findings/export?q=x&status=new&status=in_progress");
    expect(buildExportHref(new URLSearchParams("status=all&q=x"))).toBe("/api/findings/export?q=x");
  });
});

describe("statuses shown", () => {
  test("resolved and suppressed are hidden unless the URL asks for them", () => {
    expect(shownStatuses(new URLSearchParams(""))).toEqual(["new", "in_progress"]);
    expect(showsClosed(new URLSearchParams(""))).toBe(false);
    expect(shownStatuses(new URLSearchParams("status=all"))).toEqual(["new", "in_progress", "resolved", "suppressed"]);
    expect(shownStatuses(new URLSearchParams("status=resolved"))).toEqual(["resolved"]);
    expect(buildApiSearch(new URLSearchParams("severity=4")).toString()).toBe(
      "severity=4&status=new&status=in_progress",
    );
    expect(buildApiSearch(new URLSearchParams("status=all&severity=4")).toString()).toBe("severity=4");
  });
  test("one click shows every status, and another goes back to the open ones with a clean URL", () => {
    const p = new URLSearchParams("severity=4");
    setClosedShown(p, true);
    expect(p.toString()).toBe("severity=4&status=all");
    setClosedShown(p, false);
    expect(p.toString()).toBe("severity=4");
  });
  test("a status chip adds to or takes from what is shown", () => {
    const p = new URLSearchParams("");
    toggleStatus(p, "resolved");
    expect(p.getAll("status")).toEqual(["new", "in_progress", "resolved"]);
    toggleStatus(p, "suppressed");
    expect(p.getAll("status")).toEqual(["all"]);
    toggleStatus(p, "new");
    expect(p.getAll("status")).toEqual(["in_progress", "resolved", "suppressed"]);
    toggleStatus(p, "resolved");
    toggleStatus(p, "suppressed");
    toggleStatus(p, "in_progress");
    expect(p.getAll("status")).toEqual(["all"]);
  });
});
