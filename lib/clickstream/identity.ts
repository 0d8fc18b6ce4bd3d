import type { EventsSql } from "./funnel-units-sql";

/**
 * Identity merge: a browser (client id) that later signs in is the same person as that user. The
 * map `clickstream_identities` (client id → user id of the client's first signed-in event) is kept
 * by the warehouse ETL in each load's transaction, and written for the columnar copy as
 * `identities/identities.parquet`, so both engines read it as `EventsSql.identitiesSource`.
 *
 * A person is `coalesce(event's user id, the user its client signed in as, client id)`: the
 * anonymous visits of a browser before (and after) its sign-in count for that user.
 */
export interface PersonSql {
  /** The join adding the identity map to an events alias (LEFT JOIN: most clients never sign in). */
  join: string;
  /** The person id of each event. */
  person: string;
}

/** The person-id expression and the join it needs, over the events alias `e`. */
export function buildPersonSql(events: Pick<EventsSql, "identitiesSource">, e = "e", alias = "idn"): PersonSql {
  return {
    join: `LEFT JOIN ${events.identitiesSource} ${alias} ON ${alias}.client_id = ${e}.client_id`,
    person: `coalesce(${e}.user_id, ${alias}.user_id, ${e}.client_id)`,
  };
}

/** A funnel unit's id over the events alias `e`, with the join it needs (none but for a person). */
export function buildUnitSql(
  unit: "session" | "client" | "user" | "person",
  events: Pick<EventsSql, "identitiesSource">,
  e = "e",
): { expr: string; join: string } {
  if (unit === "person") {
    const p = buildPersonSql(events, e);
    return { expr: p.person, join: p.join };
  }
  return { expr: { session: `${e}.session_id`, client: `${e}.client_id`, user: `${e}.user_id` }[unit], join: "" };
}
