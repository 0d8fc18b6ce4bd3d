import { z } from "zod";

/**
 * Shared input rules, for every schema that takes text or dates from outside: text a database can
 * store, and dates in a window that every engine (Postgres, DuckDB, Athena) and every report can
 * handle. Browser and server both import this module.
 */

/** Earliest date any query or event may name. AWS logs and our clickstream are all after it. */
export const EARLIEST_DATE = "2000-01-01";
const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
/** How far past now a query range may reach (a year: "to" a date in the future is fine, 9999 is not). */
export const LATEST_AHEAD_MS = 366 * 86_400_000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is about the NUL character
const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why text cannot be stored as it is (Postgres text refuses NUL; UTF-8 has no lone surrogates), or null. */
export function unstorableText(s: string): string | null {
  if (NUL.test(s)) return "contains a NUL character";
  if (LONE_SURROGATE.test(s)) return "contains an invalid character (a lone UTF-16 surrogate)";
  return null;
}

/** The first string inside `value` (any depth) that cannot be stored, with its path; or null. */
export function findUnstorableText(value: unknown, path: string[] = []): { path: string; reason: string } | null {
  if (typeof value === "string") {
    const reason = unstorableText(value);
    return reason ? { path: path.join(".") || "value", reason } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findUnstorableText(v, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = unstorableText(k);
      if (keyProblem) return { path: [...path, k].join("."), reason: `its name ${keyProblem}` };
      const found = findUnstorableText(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** Text a database can store: no NUL, no lone surrogates. */
export const storableText = () =>
  z.string().superRefine((s, ctx) => {
    const reason = unstorableText(s);
    if (reason) ctx.addIssue({ code: "custom", message: reason });
  });

/** Is `ms` inside the dates queries may name? */
export const inDateWindow = (ms: number, now = Date.now()) => ms >= EARLIEST_MS && ms <= now + LATEST_AHEAD_MS;
const windowMessage = () =>
  `must be between ${EARLIEST_DATE} and ${new Date(Date.now() + LATEST_AHEAD_MS).toISOString().slice(0, 10)}`;

/** A calendar day `yyyy-mm-dd` (UTC) inside the date window. */
export const Day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written yyyy-mm-dd")
  .refine((s) => {
    const ms = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(s);
  }, "is not a calendar date")
  .refine((s) => inDateWindow(Date.parse(`${s}T00:00:00Z`)), { error: windowMessage });

/** An instant (ISO date-time or yyyy-mm-dd) inside the date window, as ISO. */
export const Instant = z
  .string()
  .trim()
  .refine((s) => !Number.isNaN(Date.parse(s)), "is not a date")
  .refine((s) => inDateWindow(Date.parse(s)), { error: windowMessage })
  .transform((s) => new Date(s).toISOString());

/** The last millisecond of a UTC day `yyyy-mm-dd`. */
export const endOfDay = (day: string) => `${day}T23:59:59.999Z`;

/**
 * The end of a range: an instant, or a calendar day meaning the END of that day (UTC), so a range
 * from and to the same day covers that whole day ("to 5 December" includes 5 December's events).
 */
export const RangeEnd = z
  .string()
  .trim()
  .transform((s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? endOfDay(s) : s))
  .pipe(Instant);

const DAY_MS = 86_400_000;
/**
 * A `from`/`to` pair in whole days: `to` on or after `from`, at most `maxDays` apart. For
 * `.superRefine` on an object schema that has both fields.
 */
export function checkDayRange(maxDays: number) {
  return (v: { from: string; to: string }, ctx: z.RefinementCtx) => {
    const from = Date.parse(`${v.from}T00:00:00Z`);
    const to = Date.parse(`${v.to}T00:00:00Z`);
    if (to < from) ctx.addIssue({ code: "custom", path: ["to"], message: "The end date is before the start date" });
    else if ((to - from) / DAY_MS + 1 > maxDays)
      ctx.addIssue({ code: "custom", path: ["to"], message: `A report covers at most ${maxDays} days` });
  };
}

/**
 * Text made storable for diagnostics (quarantined lines, error messages): NUL and lone surrogates
 * written out as `\u0000`-style escapes, so an admin sees what was there.
 */
export const toStorableText = (s: string) =>
  s.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this replaces
    /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
