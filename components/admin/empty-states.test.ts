import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import type { IngestionStatus } from "@/lib/schemas/ingestion";
import { IngestionRuns } from "./ingestion-tables";
import { PipelineFailures } from "./pipeline-failures";
import { PipelineIngest } from "./pipeline-tables";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

type Run = IngestionStatus["runs"][number];
const run = (over: Partial<Run>): Run => ({
  id: 1,
  trigger: "watcher",
  status: "succeeded",
  startedAt: "2026-12-05T10:00:00.000Z",
  durationMs: 120,
  objects: 0,
  unchanged: 0,
  rows: {},
  quarantined: 0,
  errors: 0,
  ...over,
});

describe("admin pipeline sections when empty", () => {
  test("Ingest per hour and Quarantine (latest) say so in a sentence rather than showing a bare heading", () => {
    const ingest = text(renderToStaticMarkup(createElement(PipelineIngest, { ingest: [] })));
    expect(ingest).toContain("Ingest per hour");
    expect(ingest).toContain("No clickstream events received yet.");
    expect(ingest).not.toContain("Batches");
    const failures = text(renderToStaticMarkup(createElement(PipelineFailures, { failedObjects: [], quarantine: [] })));
    expect(failures).toContain("Nothing quarantined yet.");
  });
});

describe("ETL run list", () => {
  test("polls that found nothing new are one line naming when new data last came, not a row each", () => {
    const runs = [
      run({ id: 9, unchanged: 228, startedAt: "2026-12-05T12:00:00.000Z" }),
      run({
        id: 4,
        trigger: "import",
        objects: 228,
        rows: { cloudtrail: 5000 },
        startedAt: "2026-12-05T09:00:00.000Z",
      }),
    ];
    const html = renderToStaticMarkup(createElement(IngestionRuns, { runs }));
    const t = text(html);
    expect(t).toMatch(/No new log files since .+\. Last checked .+; 228 files were already loaded\./);
    expect(t).toContain("#4");
    expect(t).not.toContain("#9");
    expect(t).not.toContain("unchanged");
    expect(html.match(/<tr/g)?.length).toBe(2); // the header and the one run that loaded something
  });

  test("with no runs at all it says nothing has been loaded", () => {
    expect(text(renderToStaticMarkup(createElement(IngestionRuns, { runs: [] })))).toContain(
      "No run has loaded anything yet.",
    );
  });
});
