import { dayStartUs, SUMMARY_KEY_SEPARATOR } from "@/lib/clickstream/session-summary";
import { nextDay } from "@/lib/schemas/clickstream-reports";

/**
 * The per-session summary (`lib/clickstream/session-summary.ts`) in DuckDB's SQL: one definition,
 * used to write a start day's file and to count the start days that have none from their events.
 * `src` is a FROM source of the copy's events covering the start days [from, to], the day before
 * `from` and the day after `to`; sessions whose first event is on those days are summarized (a
 * session with events the day before started then, and is that day's).
 */
export function buildSessionSummarySql(src: string, days: { from: string; to: string }): string {
  const lo = dayStartUs(days.from);
  const hi = dayStartUs(nextDay(days.to));
  // Events up to a day after the last start day: a session lasts at most 24 h.
  const reach = dayStartUs(nextDay(nextDay(days.to)));
  const before = `${BigInt(dayStartUs(days.from)) - 86_400_000_000n}`;
  const sep = `'${SUMMARY_KEY_SEPARATOR}'`;
  return `(WITH e AS (
      SELECT session_id, client_id, event_name, product_category AS cat, epoch_us(event_timestamp) AS us, event_id,
        coalesce(product_discount_price, product_price) AS pv
      FROM ${src}
      WHERE epoch_us(event_timestamp) >= ${lo} AND epoch_us(event_timestamp) < ${reach} AND session_id IS NOT NULL
    ), s AS (
      SELECT session_id, min(client_id) AS client_id, min(us) AS first_us, max(us) AS last_us,
        CAST(count(*) AS INTEGER) AS events,
        arg_min(pv, struct_pack(us, event_id)) FILTER (WHERE pv IS NOT NULL) AS pv
      FROM e GROUP BY session_id HAVING min(us) >= ${lo} AND min(us) < ${hi}
        AND session_id NOT IN (
          SELECT session_id FROM ${src}
          WHERE epoch_us(event_timestamp) >= ${before} AND epoch_us(event_timestamp) < ${lo} AND session_id IS NOT NULL)
    ), n AS (
      SELECT session_id, event_name, min(us) AS f, max(us) AS l FROM e GROUP BY session_id, event_name
    ), nl AS (
      SELECT session_id, list(event_name ORDER BY event_name) AS fn, list(f ORDER BY event_name) AS ft,
        list(l ORDER BY event_name) AS lt
      FROM n GROUP BY session_id
    ), sq AS (
      SELECT session_id, list(event_name ORDER BY us, event_id) AS names FROM e GROUP BY session_id
    ), k AS (
      SELECT session_id, event_name || ${sep} || cat AS key, min(us) AS f
      FROM e WHERE cat IS NOT NULL GROUP BY session_id, event_name, cat
    ), kl AS (
      SELECT session_id, list(key ORDER BY key) AS fk, list(f ORDER BY key) AS fkt FROM k GROUP BY session_id
    )
    SELECT s.session_id, s.client_id, s.first_us, s.last_us, s.events, s.pv, nl.fn, nl.ft, nl.lt,
      coalesce(kl.fk, []::VARCHAR[]) AS fk, coalesce(kl.fkt, []::BIGINT[]) AS fkt,
      list_filter(sq.names, (x, i) -> i = 1 OR x <> sq.names[i - 1]) AS seq
    FROM s JOIN nl ON nl.session_id = s.session_id JOIN sq ON sq.session_id = s.session_id
      LEFT JOIN kl ON kl.session_id = s.session_id)`;
}
