-- Standard funnels, pre-aggregated per day from the session rollup (lib/clickstream/funnel-cube.ts):
-- sessions per (preset, step-1 day, breakdown, level) with their product value, and the seconds
-- from step 1 to each reached step. Refreshed by the warehouse ETL for the days it touched.
CREATE TABLE clickstream_funnel_cube (
  preset  text NOT NULL,
  day     date NOT NULL,
  dim     text NOT NULL,         -- 'none' or the breakdown (category, brand, login_state, identity_source, first_visit)
  value   text,                  -- the breakdown value (first seen); NULL for 'none' or a session without one
  lvl     integer NOT NULL,
  n       integer NOT NULL,
  pv      double precision NOT NULL
);
CREATE INDEX clickstream_funnel_cube_idx ON clickstream_funnel_cube (preset, dim, day);

CREATE TABLE clickstream_funnel_cube_times (
  preset  text NOT NULL,
  day     date NOT NULL,
  k       integer NOT NULL,
  sec     integer NOT NULL,
  n       integer NOT NULL,
  PRIMARY KEY (preset, day, k, sec)
);

-- Which days each preset has been computed for: the cube answers only ranges it fully covers.
CREATE TABLE clickstream_funnel_cube_days (
  preset        text NOT NULL,
  day           date NOT NULL,
  refreshed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (preset, day)
);
