import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { SearchOutcome } from "./search-outcome";

const render = (props: { problem: string | null; error: Error | null; data: string | undefined }) =>
  renderToStaticMarkup(
    // biome-ignore lint/correctness/noChildrenProp: the children are a render function, which createElement's rest arguments do not type
    createElement(SearchOutcome<string>, { ...props, children: (d: string) => `results: ${d}` }),
  );

test("a search page says why a search is wrong, why it failed, that it loads, or shows its results", () => {
  expect(render({ problem: "The start date is after the end date.", error: null, data: undefined })).toBe(
    '<p role="alert" class="rounded border border-rose-300 bg-rose-50 p-3 text-sm text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200">The start date is after the end date.</p>',
  );
  expect(render({ problem: null, error: new Error("The lake did not answer."), data: "old" })).toContain(
    "The lake did not answer.",
  );
  expect(render({ problem: null, error: null, data: undefined })).toBe("<p>Loading…</p>");
  expect(render({ problem: null, error: null, data: "3 events" })).toBe("results: 3 events");
});
