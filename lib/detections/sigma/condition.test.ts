import { describe, expect, test } from "vitest";
import { duckDbDialect } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { compileCondition, compileConditions } from "./condition";
import type { Sql } from "./types";

const d = duckDbDialect("/nonexistent-lake");
const searches = new Map<string, Sql>(
  ["selection", "selection_a", "selection_b", "filter", "_helper"].map((n) => [n, () => n.toUpperCase()]),
);
const sql = (c: string) => compileCondition(c, searches)(d);

describe("compileCondition", () => {
  test("not binds tighter than and, and tighter than or", () => {
    expect(sql("selection or selection_a and not filter")).toBe("(SELECTION OR (SELECTION_A AND (NOT FILTER)))");
    expect(sql("(selection or selection_a) and not filter")).toBe("((SELECTION OR SELECTION_A) AND (NOT FILTER))");
    expect(sql("not not selection")).toBe("(NOT (NOT SELECTION))");
  });

  test("1 of / any of a pattern is OR over the matching searches, all of is AND, in definition order", () => {
    expect(sql("1 of selection_* and not filter")).toBe("((SELECTION_A OR SELECTION_B) AND (NOT FILTER))");
    expect(sql("any of selection*")).toBe("(SELECTION OR SELECTION_A OR SELECTION_B)");
    expect(sql("all of selection_*")).toBe("(SELECTION_A AND SELECTION_B)");
  });

  test("them is every search not starting with an underscore", () => {
    expect(sql("1 of them")).toBe("(SELECTION OR SELECTION_A OR SELECTION_B OR FILTER)");
    expect(sql("all of them")).toBe("(SELECTION AND SELECTION_A AND SELECTION_B AND FILTER)");
    expect(sql("all of them and _helper")).toBe("((SELECTION AND SELECTION_A AND SELECTION_B AND FILTER) AND _HELPER)");
  });

  test("a list of conditions matches when any does", () => {
    expect(compileConditions(["selection", "filter"], searches)(d)).toBe("(SELECTION OR FILTER)");
  });

  test("what it cannot compile is unsupported with the reason", () => {
    expect(() => sql("selection and missing")).toThrow('names "missing", which the detection does not define');
    expect(() => sql("1 of nothing_*")).toThrow('"nothing_*" matches no search identifier');
    expect(() => sql("2 of selection_*")).toThrow('"2 of" is not supported');
    expect(() => sql("(selection or filter")).toThrow('a "(" is not closed');
    expect(() => sql("selection filter")).toThrow('unexpected "filter"');
    expect(() => sql("selection and")).toThrow("ends where a search identifier was expected");
    expect(() => sql("selection | count() > 5")).toThrow("uses an aggregation");
    expect(() => sql("selection near filter")).toThrow('uses "near"');
    expect(() => sql("  ")).toThrow("the condition is empty");
    expect(() => compileConditions(42, searches)).toThrow("detection.condition must be a string or a list of strings");
  });
});
