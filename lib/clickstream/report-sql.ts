import type { EventMatch } from "@/lib/schemas/event-report";
import type { EventsSql, SqlParams } from "./funnel-units-sql";

/**
 * SQL pieces shared by reports over raw events (retention, trends), written once for Postgres and
 * the lake engines: plain SQL both spell the same way, values only as parameters.
 */

/** A condition matching the events `m` describes (any event when it names none), over events aliased `e`. */
export function buildEventMatchSql(m: EventMatch, p: SqlParams, e = "e"): string {
  const parts: string[] = [];
  if (m.event) parts.push(`${e}.event_name = ${p.add(m.event)}`);
  if (m.productId) parts.push(`${e}.product_id = ${p.add(m.productId)}`);
  if (m.category) parts.push(`${e}.product_category = ${p.add(m.category)}`);
  if (m.brand) parts.push(`${e}.product_brand = ${p.add(m.brand)}`);
  if (m.loginState) parts.push(`${e}.user_login_state = ${p.add(m.loginState)}`);
  // A literal, not a parameter: lake engines take text and number parameters only.
  if (m.firstVisit !== undefined) parts.push(`${e}.is_first_visit = ${m.firstVisit ? "true" : "false"}`);
  return parts.length ? `(${parts.join(" AND ")})` : "true";
}

/**
 * The 0-based index of the fixed-length period (`seconds` long, counted from the UTC instant
 * `startMs`) an event aliased `e` falls in. Epoch arithmetic rather than date_trunc, so no engine's
 * time zone setting can move a boundary.
 */
export function periodIndexSql(events: EventsSql, p: SqlParams, startMs: number, seconds: number, e = "e"): string {
  return events.time.periodIndex(`${e}.event_timestamp`, p.add(startMs / 1000), p.add(seconds));
}

/** A description of `m` for people: "product_view (category shoes)", "any event". */
export function describeEventMatch(m: EventMatch): string {
  const filters = [
    m.productId && `product ${m.productId}`,
    m.category && `category ${m.category}`,
    m.brand && `brand ${m.brand}`,
    m.loginState && `login state ${m.loginState.replace("_", " ")}`,
    m.firstVisit !== undefined && (m.firstVisit ? "first visit" : "returning visit"),
  ].filter(Boolean);
  return `${m.event ?? "any event"}${filters.length ? ` (${filters.join(", ")})` : ""}`;
}

export const DAY_MS = 86_400_000;
/** yyyy-mm-dd of a UTC instant in ms. */
export const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Ms of a yyyy-mm-dd UTC midnight. */
export const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
/** The Monday (UTC) on or before a day, in ms. */
export const mondayOnOrBefore = (ms: number) => ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS;
