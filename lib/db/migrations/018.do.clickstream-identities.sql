-- Identity merge: each browser (client id) that signed in, with the user of its FIRST signed-in
-- event (earliest by event time, then event id). Kept by the warehouse ETL in each load's
-- transaction (a late, earlier event moves it). Person-level funnels count
-- coalesce(event user, this user, client id) as one person.
CREATE TABLE clickstream_identities (
  client_id  text PRIMARY KEY,
  user_id    text NOT NULL,
  merged_at  timestamptz NOT NULL,
  event_id   text NOT NULL
);

-- The columnar copy's snapshot of the map (identities/identities.parquet) is current when
-- written_version = version: every change to the map bumps version in the same transaction, and the
-- ETL records the version it wrote once the file is in place.
CREATE TABLE clickstream_identity_state (
  singleton        boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version          bigint NOT NULL DEFAULT 0,
  written_version  bigint NOT NULL DEFAULT 0
);

INSERT INTO clickstream_identities (client_id, user_id, merged_at, event_id)
SELECT DISTINCT ON (client_id) client_id, user_id, event_timestamp, event_id::text
FROM clickstream_events WHERE user_id IS NOT NULL
ORDER BY client_id, event_timestamp, event_id::text COLLATE "C";

INSERT INTO clickstream_identity_state (version)
SELECT CASE WHEN EXISTS (SELECT 1 FROM clickstream_identities) THEN 1 ELSE 0 END;
