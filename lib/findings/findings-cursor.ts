import type { FindingsQuery } from "@/lib/schemas/findings";
import type { FindingRow } from "./finding-sql";
import { decodeCursor, encodeCursor } from "./lake-window";

type Sort = FindingsQuery["sort"];

/** The keyset a page ends on: the sort's columns, then the id as the tie-breaker. */
export type FindingsCursor =
  | { sort: "severity"; severity: number; lastSeenMs: number; findingId: string }
  | { sort: "last_seen"; lastSeenMs: number; findingId: string };

/** The cursor that continues after `last` (the final row of a page). */
export const encodeFindingsCursor = (last: FindingRow, sort: Sort): string =>
  encodeCursor(
    sort === "severity"
      ? [Number(last.severity), Number(last.last_seen_ms), last.finding_id]
      : [Number(last.last_seen_ms), last.finding_id],
  );

/** The keyset in a cursor given for `sort`; a cursor of another shape is a bad cursor (422). */
export function decodeFindingsCursor(cursor: string | undefined, sort: Sort): FindingsCursor | null {
  const v = decodeCursor(cursor, sort === "severity" ? ["number", "number", "string"] : ["number", "string"]);
  if (!v) return null;
  if (sort === "severity") {
    const [severity, lastSeenMs, findingId] = v as [number, number, string];
    return { sort, severity, lastSeenMs, findingId };
  }
  const [lastSeenMs, findingId] = v as [number, string];
  return { sort, lastSeenMs, findingId };
}
