import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import type { RetentionResult } from "@/lib/schemas/retention";
import { RetentionTable } from "./retention-table";

const result: RetentionResult = {
  period: "week",
  unit: "client",
  start: "2026-10-05",
  periods: 3,
  cohorts: [
    {
      start: "2026-10-05",
      size: 5,
      cells: [
        { offset: 0, count: 5, share: 1, state: "complete" },
        { offset: 1, count: 3, share: 0.6, state: "complete" },
        { offset: 2, count: 1, share: 0.2, state: "in_progress" },
      ],
    },
    {
      start: "2026-10-12",
      size: 2,
      cells: [
        { offset: 0, count: 2, share: 1, state: "in_progress" },
        { offset: 1, count: null, share: null, state: "not_started" },
      ],
    },
  ],
  average: [],
  explain: {
    path: "warehouse",
    reason: "",
    sql: "",
    params: [],
    ms: 1,
    scanned: { from: "", to: "" },
    cohortEvent: "any event",
    returnEvent: "any event",
  },
};

/** The visible text of each body row's cells. */
const rows = (html: string) =>
  [...html.matchAll(/<tr class="[^"]*border-slate-100[^"]*">(.*?)<\/tr>/g)].map((m) =>
    [...(m[1] ?? "").matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => (c[1] ?? "").replace(/<[^>]+>/g, "")),
  );

test("cohort rows show share and count; a running week is marked so far, a week not begun is not a 0%", () => {
  const html = renderToStaticMarkup(createElement(RetentionTable, { result }));
  expect(html).toContain("Week 2</th>");
  expect(rows(html)).toEqual([
    ["2026-10-05", "5", "100%5", "60%3", "20%* so far1"],
    ["2026-10-12", "2", "100%* so far2", "–not yet"],
  ]);
  // Shaded by share: the 60% cell darker than the 20% one.
  expect(html).toContain("rgba(2, 132, 199, 0.302)");
  expect(html).toContain("rgba(2, 132, 199, 0.154)");
});
