-- Triage overlay on lake findings (the lake is immutable Parquet; analysts' state lives here).
CREATE TABLE finding_triage (
  finding_id   text PRIMARY KEY,
  status       text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'resolved', 'suppressed')),
  reason       text,
  assignee     text,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  updated_by   text NOT NULL
);
CREATE INDEX finding_triage_status_idx ON finding_triage (status);

CREATE TABLE finding_notes (
  id          bigserial PRIMARY KEY,
  finding_id  text NOT NULL,
  author      text NOT NULL,
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX finding_notes_finding_idx ON finding_notes (finding_id, created_at);
CREATE INDEX audit_log_subject_idx ON audit_log (subject, at);
