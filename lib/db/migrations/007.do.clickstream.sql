-- Clickstream warehouse: events (one row per event id), quarantine, per-hour load records, ETL runs, rollups.
CREATE TABLE clickstream_events (
  event_id                uuid PRIMARY KEY,
  event_timestamp         timestamptz NOT NULL,
  event_name              text NOT NULL,
  user_id                 text,
  user_login_state        text,
  identity_source         text,
  client_id               text NOT NULL,
  session_id              text NOT NULL,
  is_first_visit          boolean,
  product_id              text,
  product_name            text,
  product_category        text,
  product_brand           text,
  product_price           numeric(14, 2),
  product_discount_price  numeric(14, 2),
  product_url_path        text,
  page_url                text,
  referrer                text,
  received_at             timestamptz NOT NULL,
  client_seq              integer
);
CREATE INDEX clickstream_events_time_idx ON clickstream_events (event_timestamp);
CREATE INDEX clickstream_events_session_idx ON clickstream_events (session_id, event_timestamp);
CREATE INDEX clickstream_events_product_idx ON clickstream_events (product_id, event_timestamp) WHERE product_id IS NOT NULL;

CREATE TABLE clickstream_quarantine (
  id          bigserial PRIMARY KEY,
  object_key  text NOT NULL,
  line        integer NOT NULL,
  reason      text NOT NULL,
  raw         text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (object_key, line)
);

-- One row per raw hour: which objects (and their sizes) were loaded, so re-runs skip them and late ones are found.
CREATE TABLE clickstream_loads (
  hour        timestamptz PRIMARY KEY,
  objects     jsonb NOT NULL DEFAULT '{}'::jsonb,
  read        integer NOT NULL DEFAULT 0,
  loaded      integer NOT NULL DEFAULT 0,
  duplicates  integer NOT NULL DEFAULT 0,
  quarantined integer NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE clickstream_runs (
  id           bigserial PRIMARY KEY,
  trigger      text NOT NULL,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  status       text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
  hours        integer NOT NULL DEFAULT 0,
  objects      integer NOT NULL DEFAULT 0,
  read         integer NOT NULL DEFAULT 0,
  loaded       integer NOT NULL DEFAULT 0,
  duplicates   integer NOT NULL DEFAULT 0,
  quarantined  integer NOT NULL DEFAULT 0,
  error        text,
  duration_ms  integer
);

-- Per session: when each standard funnel step first happened.
CREATE TABLE clickstream_session_steps (
  session_id       text PRIMARY KEY,
  client_id        text NOT NULL,
  started_at       timestamptz NOT NULL,
  page_view        timestamptz,
  category_view    timestamptz,
  product_view     timestamptz,
  add_to_cart      timestamptz,
  checkout_start   timestamptz,
  purchase         timestamptz
);
CREATE INDEX clickstream_session_steps_started_idx ON clickstream_session_steps (started_at);

-- Per product per day: the product funnel and revenue.
CREATE TABLE clickstream_product_daily (
  product_id  text NOT NULL,
  day         date NOT NULL,
  name        text,
  category    text,
  brand       text,
  views       integer NOT NULL DEFAULT 0,
  carts       integer NOT NULL DEFAULT 0,
  checkouts   integer NOT NULL DEFAULT 0,
  purchases   integer NOT NULL DEFAULT 0,
  revenue     numeric(16, 2) NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, day)
);

-- What the ingest endpoint saw, per receive hour (pipeline status; the loss rate comes from client sequence gaps).
CREATE TABLE clickstream_ingest_hourly (
  hour          timestamptz PRIMARY KEY,
  batches       integer NOT NULL DEFAULT 0,
  received      integer NOT NULL DEFAULT 0,
  accepted      integer NOT NULL DEFAULT 0,
  rejected      integer NOT NULL DEFAULT 0,
  bots          integer NOT NULL DEFAULT 0,
  rate_limited  integer NOT NULL DEFAULT 0,
  refused       integer NOT NULL DEFAULT 0
);

-- One warehouse ETL at a time, across processes and sessions (a lease, not a session lock: with the
-- embedded engine every process shares one database session).
CREATE TABLE clickstream_etl_lease (
  id      integer PRIMARY KEY CHECK (id = 1),
  holder  text NOT NULL,
  until   timestamptz NOT NULL
);
