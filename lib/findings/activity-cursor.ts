import { decodeCursor, encodeCursor } from "./lake-window";

/** The keyset an activity page ends on: newest first, then the event's place in its source object. */
export interface ActivityCursor {
  ms: number;
  sourceKey: string;
  sourceOrdinal: number;
}

export const encodeActivityCursor = (c: ActivityCursor): string => encodeCursor([c.ms, c.sourceKey, c.sourceOrdinal]);

/** The keyset in a cursor; a cursor of another shape is a bad cursor (422). */
export function decodeActivityCursor(cursor: string | undefined): ActivityCursor | null {
  const v = decodeCursor(cursor, ["number", "string", "number"]);
  if (!v) return null;
  const [ms, sourceKey, sourceOrdinal] = v as [number, string, number];
  return { ms, sourceKey, sourceOrdinal };
}
