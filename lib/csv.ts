/**
 * One CSV cell: empty for null, objects as JSON, quoted when it holds a quote, comma or line break,
 * and a leading = + - @ (or tab/CR) defused with an apostrophe so spreadsheets do not run it as a formula.
 */
export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
