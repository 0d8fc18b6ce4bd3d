import { csvCell } from "@/lib/csv";
import type { LakeCtx } from "./lake-ctx";
import { listFindings } from "./list-findings";

const COLUMNS = [
  "findingId",
  "severity",
  "severityLabel",
  "status",
  "type",
  "title",
  "accountId",
  "region",
  "resourceType",
  "resourceId",
  "principal",
  "firstSeen",
  "lastSeen",
  "count",
  "assignee",
] as const;
/** Most rows one export returns; the last line says so when the filter matched more. */
export const EXPORT_MAX_ROWS = 100_000;

/** CSV of every finding matching the filter, page by page (memory stays one page). */
export async function* exportFindingsCsv({ ctx, input }: { ctx: LakeCtx; input: Record<string, unknown> }) {
  const pageOf = (cursor?: string) => listFindings({ ctx, input: { ...input, cursor, limit: "200" }, itemsOnly: true });
  const lines = (items: Awaited<ReturnType<typeof pageOf>>["items"]) =>
    items.map((f) => `${COLUMNS.map((c) => csvCell(f[c])).join(",")}\n`).join("");
  // The first page is fetched before anything is yielded, so a bad filter fails before the download starts.
  let page = await pageOf();
  yield `${COLUMNS.join(",")}\n${lines(page.items)}`;
  let rows = page.items.length;
  while (page.nextCursor) {
    if (rows >= EXPORT_MAX_ROWS) {
      yield `# truncated at ${EXPORT_MAX_ROWS} rows; narrow the filter\n`;
      return;
    }
    page = await pageOf(page.nextCursor);
    rows += page.items.length;
    yield lines(page.items);
  }
}
