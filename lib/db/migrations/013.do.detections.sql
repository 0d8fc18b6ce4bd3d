-- Which lake hours each processed object wrote ("<table>/<yyyy-mm-dd>/<hh>"): scheduled detections
-- re-evaluate exactly the windows late data touched.
ALTER TABLE lake_objects ADD COLUMN hours text[] NOT NULL DEFAULT '{}';

-- One row per (scheduled rule, hour of event time) evaluated: the watermark.
CREATE TABLE detection_windows (
  rule_id      text NOT NULL,
  hour_start   timestamptz NOT NULL,
  evaluated_at timestamptz NOT NULL DEFAULT now(),
  findings     integer NOT NULL DEFAULT 0,
  PRIMARY KEY (rule_id, hour_start)
);

-- How far the scheduler has read lake_objects (objects processed after this re-open their hours).
CREATE TABLE detection_state (
  id                 boolean PRIMARY KEY DEFAULT true CHECK (id),
  objects_seen_until timestamptz NOT NULL DEFAULT '-infinity'
);
INSERT INTO detection_state DEFAULT VALUES;

-- Admins' changes to a rule: enabled or not, and a severity of their own.
CREATE TABLE detection_rule_settings (
  rule_id    text PRIMARY KEY,
  enabled    boolean NOT NULL DEFAULT true,
  severity   integer CHECK (severity BETWEEN 1 AND 5),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Tuning exceptions: a principal, resource or address a rule no longer raises for, with a reason and an expiry.
CREATE TABLE detection_exceptions (
  id         bigserial PRIMARY KEY,
  rule_id    text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('principal', 'resource', 'ip')),
  value      text NOT NULL,
  reason     text NOT NULL,
  expires_at timestamptz,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX detection_exceptions_rule_idx ON detection_exceptions (rule_id) WHERE deleted_at IS NULL;
