-- Incident response: finding events raised by the lake ETL (the local EventBridge), incidents and
-- their timeline, notification channels and every message decided for them, and the simulated EC2
-- estate the local backend contains (the same port the AWS adapter implements with the SDK).

-- One row per (finding, update) the ETL saw; the dispatcher notifies and starts incidents from here.
CREATE TABLE finding_events (
  finding_id      text NOT NULL,
  updated_at      timestamptz NOT NULL,
  origin          text NOT NULL,
  severity        int NOT NULL,
  severity_vendor double precision,
  event           jsonb NOT NULL,
  raised_at       timestamptz NOT NULL DEFAULT now(),
  dispatched_at   timestamptz,
  outcome         jsonb,
  PRIMARY KEY (finding_id, updated_at)
);
CREATE INDEX finding_events_pending_idx ON finding_events (raised_at) WHERE dispatched_at IS NULL;

CREATE TABLE incidents (
  id               text PRIMARY KEY,
  finding_id       text NOT NULL UNIQUE,
  title            text NOT NULL,
  finding_type     text NOT NULL,
  severity         int NOT NULL,
  severity_vendor  double precision,
  resource_type    text NOT NULL,
  resource_id      text,
  account_id       text,
  region           text,
  status           text NOT NULL DEFAULT 'open' CHECK (status IN (
                     'open', 'awaiting_approval', 'containing', 'contained', 'notified', 'rejected', 'expired',
                     'failed', 'releasing', 'released')),
  simulated        boolean NOT NULL,
  execution_id     text,
  finding          jsonb NOT NULL,
  enrichment       jsonb,
  proposed         jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- What the instance looked like before anything changed: what undo and the failure path restore.
  original_state   jsonb,
  finding_count    int NOT NULL DEFAULT 1,
  error            text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
-- One active incident per resource: a storm of findings about one instance joins the open incident.
CREATE UNIQUE INDEX incidents_active_resource_idx ON incidents (resource_id)
  WHERE status IN ('open', 'awaiting_approval', 'containing') AND resource_id IS NOT NULL;
CREATE INDEX incidents_created_idx ON incidents (created_at DESC);

CREATE TABLE incident_events (
  id           bigserial PRIMARY KEY,
  incident_id  text NOT NULL REFERENCES incidents (id),
  at           timestamptz NOT NULL DEFAULT now(),
  kind         text NOT NULL CHECK (kind IN ('finding', 'enrichment', 'approval', 'action', 'evidence', 'notification', 'undo', 'outcome', 'error')),
  step         text NOT NULL,
  ok           boolean NOT NULL,
  actor        text NOT NULL DEFAULT 'system',
  summary      text NOT NULL,
  detail       jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX incident_events_incident_idx ON incident_events (incident_id, id);

CREATE TABLE notification_channels (
  id              text PRIMARY KEY,
  kind            text NOT NULL CHECK (kind IN ('inapp', 'slack', 'telegram', 'email')),
  name            text NOT NULL,
  min_severity    int NOT NULL DEFAULT 3 CHECK (min_severity BETWEEN 1 AND 5),
  rate_limit      int NOT NULL DEFAULT 10 CHECK (rate_limit >= 1),
  window_seconds  int NOT NULL DEFAULT 600 CHECK (window_seconds >= 10),
  -- Non-secret settings (e-mail recipients, Telegram chat id); secrets are sealed in `secret`.
  settings        jsonb NOT NULL DEFAULT '{}'::jsonb,
  secret          text,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  deleted_at      timestamptz
);
INSERT INTO notification_channels (id, kind, name, min_severity, rate_limit, window_seconds, created_by)
VALUES ('inapp', 'inapp', 'In-app notification centre', 3, 30, 600, 'system');

CREATE TABLE notifications (
  id           bigserial PRIMARY KEY,
  channel_id   text NOT NULL REFERENCES notification_channels (id),
  fingerprint  text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('finding', 'incident', 'digest')),
  subject      text NOT NULL,
  title        text NOT NULL,
  severity     int NOT NULL,
  -- sent: delivered; outbox: no transport configured, kept exactly as it would be sent;
  -- held: over the rate limit, waiting for the digest; digested: covered by digest `digest_id`;
  -- duplicate: same fingerprint already notified; failed: the transport refused (error kept);
  -- sending: handed to the transport, answer not back yet.
  status       text NOT NULL CHECK (status IN ('sending', 'sent', 'outbox', 'held', 'digested', 'duplicate', 'failed')),
  payload      jsonb,
  response     text,
  error        text,
  digest_id    bigint,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_channel_idx ON notifications (channel_id, created_at DESC);
CREATE INDEX notifications_fingerprint_idx ON notifications (channel_id, fingerprint);
CREATE INDEX notifications_held_idx ON notifications (channel_id) WHERE status = 'held';

-- The simulated estate (local backend only).
CREATE TABLE sim_security_groups (
  group_id     text PRIMARY KEY,
  vpc_id       text NOT NULL,
  name         text NOT NULL,
  description  text NOT NULL,
  ingress      jsonb NOT NULL DEFAULT '[]'::jsonb,
  egress       jsonb NOT NULL DEFAULT '[]'::jsonb,
  tags         jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE TABLE sim_instances (
  instance_id             text PRIMARY KEY,
  account_id              text NOT NULL,
  region                  text NOT NULL,
  vpc_id                  text NOT NULL,
  subnet_id               text NOT NULL,
  instance_type           text NOT NULL,
  state                   text NOT NULL DEFAULT 'running',
  tags                    jsonb NOT NULL DEFAULT '{}'::jsonb,
  profile_arn             text,
  profile_association_id  text,
  asg_name                text,
  termination_protection  boolean NOT NULL DEFAULT false,
  -- Refusals to simulate, by API action: {"ModifyNetworkInterfaceAttribute": {"code", "message", "calls": [2] | "all"}}
  faults                  jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE TABLE sim_enis (
  eni_id       text PRIMARY KEY,
  instance_id  text NOT NULL REFERENCES sim_instances (instance_id),
  private_ip   text NOT NULL,
  groups       text[] NOT NULL
);
CREATE TABLE sim_volumes (
  volume_id    text PRIMARY KEY,
  instance_id  text NOT NULL REFERENCES sim_instances (instance_id),
  device       text NOT NULL,
  size_gib     int NOT NULL
);
CREATE TABLE sim_snapshots (
  snapshot_id  text PRIMARY KEY,
  volume_id    text NOT NULL,
  description  text NOT NULL,
  tags         jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sim_access_keys (
  access_key_id  text PRIMARY KEY,
  user_name      text NOT NULL,
  status         text NOT NULL DEFAULT 'Active' CHECK (status IN ('Active', 'Inactive'))
);
CREATE TABLE sim_commands (
  command_id   text PRIMARY KEY,
  instance_id  text NOT NULL,
  document     text NOT NULL,
  parameters   jsonb NOT NULL,
  polls        int NOT NULL DEFAULT 0,
  status       text NOT NULL DEFAULT 'Pending',
  stdout       text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now()
);
-- Every call the simulated estate answered, in order (its CloudTrail).
CREATE TABLE sim_api_calls (
  id         bigserial PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  action     text NOT NULL,
  params     jsonb NOT NULL,
  ok         boolean NOT NULL,
  error      text
);
