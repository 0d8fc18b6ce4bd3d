-- Per-session rollup for the standard funnel, maintained incrementally by the warehouse ETL from the
-- rows each load actually inserted: the first occurrence of every standard step, and the session's
-- "first seen" attributes (the value on its earliest event carrying one; ties by event id), each with
-- the time and event id it came from so later (or late-arriving earlier) events merge exactly.
DROP TABLE clickstream_session_steps;

CREATE TABLE clickstream_session_funnel (
  session_id           text PRIMARY KEY,
  client_id            text COLLATE "C" NOT NULL,
  started_at           timestamptz NOT NULL,
  events               integer NOT NULL DEFAULT 0,
  page_view            timestamptz,
  category_view        timestamptz,
  product_view         timestamptz,
  add_to_cart          timestamptz,
  checkout_start       timestamptz,
  purchase             timestamptz,
  category             text,
  category_key text COLLATE "C",
  brand                text,
  brand_key text COLLATE "C",
  login_state          text,
  login_state_key text COLLATE "C",
  identity_source      text,
  identity_source_key text COLLATE "C",
  first_visit          boolean,
  first_visit_key text COLLATE "C",
  user_id              text,
  user_id_key text COLLATE "C",
  product_value        numeric(14, 2),
  product_value_key text COLLATE "C"
);
CREATE INDEX clickstream_session_funnel_started_idx ON clickstream_session_funnel (started_at);

-- Discount vs full price: views and purchases of products shown with a discount price.
ALTER TABLE clickstream_product_daily
  ADD COLUMN discount_views integer NOT NULL DEFAULT 0,
  ADD COLUMN discount_purchases integer NOT NULL DEFAULT 0;

-- Events per hour and name (the overview's volume and top event types without scanning events).
CREATE TABLE clickstream_event_hourly (
  hour        timestamptz NOT NULL,
  event_name  text NOT NULL,
  events      integer NOT NULL DEFAULT 0,
  PRIMARY KEY (hour, event_name)
);

-- Saved funnels (named, shared by URL).
CREATE TABLE clickstream_saved_funnels (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  definition  jsonb NOT NULL,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
