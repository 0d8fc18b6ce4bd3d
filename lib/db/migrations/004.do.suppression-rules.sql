-- Analysts' suppression rules: findings matching a rule show as suppressed and raise no notifications.
CREATE TABLE suppression_rules (
  id            text PRIMARY KEY,
  finding_type  text NOT NULL,
  resource      text,
  principal     text,
  reason        text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  expires_at    timestamptz,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  deleted_at    timestamptz,
  CHECK (resource IS NOT NULL OR principal IS NOT NULL OR finding_type <> '*')
);
CREATE INDEX suppression_rules_active_idx ON suppression_rules (deleted_at, expires_at);
