import { AppError } from "@/lib/errors";
import type { LakeParam } from "@/lib/ports/lake-query";

/**
 * A value written as a SQL literal, the way Athena applies execution parameters itself: strings
 * single-quoted with quotes doubled (neither engine reads backslash escapes in a plain string),
 * numbers finite and as they are. For the places an engine takes no `?` — Athena only takes them
 * in WHERE clauses — so a value there never has to be pasted in any other way.
 */
export function sqlLiteral(v: LakeParam): string {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new AppError("invalid_input", "Numbers must be finite");
    return String(v);
  }
  return `'${v.replace(/'/g, "''")}'`;
}
