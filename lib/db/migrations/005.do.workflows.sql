-- Workflows: executions of the in-process ASL engine (local) or mirrors of Step Functions executions (aws),
-- their state transitions, applications, and the review tasks that hold task tokens.
CREATE TABLE applications (
  id            text PRIMARY KEY,
  reference     text UNIQUE,
  submitted_by  text NOT NULL,
  payload       jsonb NOT NULL,
  status        text NOT NULL DEFAULT 'submitted'
                CHECK (status IN ('submitted', 'in_review', 'approved', 'rejected', 'expired', 'failed')),
  execution_id  text,
  outcome       jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workflow_executions (
  id           text PRIMARY KEY,
  workflow     text NOT NULL,
  input        jsonb NOT NULL,
  status       text NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABORTED', 'TIMED_OUT')),
  output       jsonb,
  error        text,
  cause        text,
  started_at   timestamptz NOT NULL DEFAULT now(),
  stopped_at   timestamptz
);
CREATE INDEX workflow_executions_running_idx ON workflow_executions (status) WHERE status = 'RUNNING';

CREATE TABLE workflow_events (
  id            bigserial PRIMARY KEY,
  execution_id  text NOT NULL REFERENCES workflow_executions (id),
  at            timestamptz NOT NULL DEFAULT now(),
  type          text NOT NULL,
  state         text,
  detail        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX workflow_events_execution_idx ON workflow_events (execution_id, id);

CREATE TABLE review_tasks (
  id            text PRIMARY KEY,
  execution_id  text NOT NULL REFERENCES workflow_executions (id),
  workflow      text NOT NULL,
  state         text NOT NULL,
  -- The engine's task token: used only by the server to resume the execution; never sent to browsers.
  token         text NOT NULL UNIQUE,
  subject       text NOT NULL,
  title         text NOT NULL,
  payload       jsonb NOT NULL,
  reasons       jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Input of the waiting state, kept so a restarted engine can re-enter the definition there.
  state_input   jsonb NOT NULL,
  submitted_by  text,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'expired', 'closed')),
  claimed_by    text,
  claimed_at    timestamptz,
  decided_by    text,
  decided_at    timestamptz,
  comment       text,
  due_at        timestamptz NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_tasks_pending_idx ON review_tasks (status, due_at);
CREATE INDEX review_tasks_execution_idx ON review_tasks (execution_id);
