import { createHash } from "node:crypto";
import type { Database, Queryable } from "@/lib/ports/database";
import type { Message } from "./render";
import type { SecretBox } from "./secret-box";
import { type ChannelConfig, type ChannelKind, deliver, render, type TransportOptions } from "./transports";

export interface NotifyDeps {
  db: Database;
  secrets: SecretBox;
  transport: TransportOptions;
}

export interface ChannelRow {
  id: string;
  kind: ChannelKind;
  name: string;
  min_severity: number;
  rate_limit: number;
  window_seconds: number;
  settings: Record<string, unknown>;
  secret: string | null;
  created_by: string;
  created_at: Date;
}

/** How long the same fingerprint stays quiet on a channel. */
export const DEDUP_HOURS = 24;

/** Same message about the same thing → same fingerprint (a repeat of a finding does not re-notify). */
export const fingerprintOf = (parts: readonly (string | number)[]) =>
  createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);

export const activeChannels = (q: Queryable) =>
  q.query<ChannelRow>("SELECT * FROM notification_channels WHERE deleted_at IS NULL ORDER BY created_at, id");

const configOf = (c: ChannelRow, secrets: SecretBox): ChannelConfig => ({
  id: c.id,
  kind: c.kind,
  settings: c.settings,
  secret: c.secret ? secrets.open(c.secret) : null,
});

const lock = (tx: Queryable, channelId: string) =>
  tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`notify:${channelId}`]);

export type Decision = "sending" | "held" | "duplicate";

/**
 * Decides and sends one message on every channel whose threshold it meets. Per channel, under a
 * lock: a fingerprint already notified within DEDUP_HOURS is recorded as `duplicate`; past the
 * channel's rate limit (messages per window) it is `held` for the next digest; otherwise it is
 * rendered, recorded and delivered (or kept in the outbox). Every decision is a row: nothing is
 * dropped silently.
 */
export async function notify(
  deps: NotifyDeps,
  m: Message,
  fingerprint: string,
  /** The channels, when the caller sends many messages in one go (loaded once, not per message). */
  channels?: readonly ChannelRow[],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const c of channels ?? (await activeChannels(deps.db))) {
    if (m.severity < c.min_severity) continue;
    const decided = await deps.db.transaction(async (tx) => {
      await lock(tx, c.id);
      const [dup] = await tx.query(
        `SELECT 1 FROM notifications WHERE channel_id = $1 AND fingerprint = $2
           AND status IN ('sending', 'sent', 'outbox', 'held', 'digested')
           AND created_at > now() - make_interval(hours => $3) LIMIT 1`,
        [c.id, fingerprint, DEDUP_HOURS],
      );
      const [used] = dup
        ? [{ n: "0" }]
        : await tx.query<{ n: string }>(
            `SELECT count(*) AS n FROM notifications WHERE channel_id = $1 AND kind NOT IN ('digest', 'test')
               AND status IN ('sending', 'sent', 'outbox', 'failed') AND created_at > now() - make_interval(secs => $2)`,
            [c.id, c.window_seconds],
          );
      const status: Decision = dup ? "duplicate" : Number(used?.n) >= c.rate_limit ? "held" : "sending";
      const payload = status === "sending" ? render(configOf(c, deps.secrets), m, deps.transport) : null;
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO notifications (channel_id, fingerprint, kind, subject, title, severity, status, payload)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          c.id,
          fingerprint,
          m.kind,
          m.subject,
          m.title,
          m.severity,
          status,
          payload === null ? null : JSON.stringify(payload),
        ],
      );
      return { status, id: row?.id as string, payload };
    });
    out[c.id] = decided.status;
    if (decided.status === "sending") out[c.id] = await send(deps, c, decided.id, decided.payload);
  }
  return out;
}

async function send(deps: NotifyDeps, c: ChannelRow, id: string, payload: unknown): Promise<string> {
  const d = await deliver(configOf(c, deps.secrets), payload, deps.transport);
  await deps.db.query("UPDATE notifications SET status = $2, response = $3, error = $4 WHERE id = $1", [
    id,
    d.status,
    d.response,
    d.error,
  ]);
  return d.status;
}

/**
 * Sends one digest per channel for what its rate limit held back, at most one per window: the
 * total, the count per severity and the first titles. The held rows point at their digest.
 */
export async function flushDigests(deps: NotifyDeps): Promise<number> {
  let sent = 0;
  for (const c of await activeChannels(deps.db)) {
    const made = await deps.db.transaction(async (tx) => {
      await lock(tx, c.id);
      const held = await tx.query<{ id: string; title: string; severity: number }>(
        "SELECT id, title, severity FROM notifications WHERE channel_id = $1 AND status = 'held' ORDER BY severity DESC, id",
        [c.id],
      );
      if (!held.length) return null;
      const [recent] = await tx.query(
        "SELECT 1 FROM notifications WHERE channel_id = $1 AND kind = 'digest' AND created_at > now() - make_interval(secs => $2) LIMIT 1",
        [c.id, c.window_seconds],
      );
      if (recent) return null;
      const bySeverity = new Map<number, number>();
      for (const h of held) bySeverity.set(h.severity, (bySeverity.get(h.severity) ?? 0) + 1);
      const top = Math.max(...held.map((h) => h.severity));
      const m: Message = {
        kind: "digest",
        subject: `digest:${c.id}`,
        title: `${held.length} more notifications held by the rate limit (${c.rate_limit} per ${c.window_seconds}s)`,
        severity: top,
        lines: held.slice(0, 10).map((h) => h.title),
        fields: [...bySeverity.entries()]
          .sort((a, b) => b[0] - a[0])
          .map(([s, n]) => ({ label: `Severity ${s}`, value: String(n) })),
        link: "/notifications",
      };
      const payload = render(configOf(c, deps.secrets), m, deps.transport);
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO notifications (channel_id, fingerprint, kind, subject, title, severity, status, payload)
         VALUES ($1, $2, 'digest', $3, $4, $5, 'sending', $6) RETURNING id`,
        [c.id, fingerprintOf(["digest", c.id, Date.now()]), m.subject, m.title, m.severity, JSON.stringify(payload)],
      );
      await tx.query("UPDATE notifications SET status = 'digested', digest_id = $2 WHERE id = ANY($1::bigint[])", [
        held.map((h) => h.id),
        row?.id,
      ]);
      return { id: row?.id as string, payload };
    });
    if (made) {
      await send(deps, c, made.id, made.payload);
      sent++;
    }
  }
  return sent;
}

/**
 * A test message to one channel, sent at once (no dedup, no rate limit) and recorded with its
 * payload and the transport's answer, so an admin sees whether the webhook or token works.
 */
export async function sendTestMessage(
  deps: NotifyDeps,
  channelId: string,
  by: string,
): Promise<{ status: string; error: string | null }> {
  const [c] = await deps.db.query<ChannelRow>(
    "SELECT * FROM notification_channels WHERE id = $1 AND deleted_at IS NULL",
    [channelId],
  );
  if (!c) return { status: "missing", error: "No such channel" };
  const m: Message = {
    kind: "test",
    subject: `test:${c.id}`,
    title: `Test message from Sightline for ${c.name}`,
    severity: c.min_severity,
    lines: [`Sent by ${by}. If you can read this, the channel works.`],
    fields: [],
    link: "/notifications",
  };
  const payload = render(configOf(c, deps.secrets), m, deps.transport);
  const [row] = await deps.db.query<{ id: string }>(
    `INSERT INTO notifications (channel_id, fingerprint, kind, subject, title, severity, status, payload)
     VALUES ($1, $2, 'test', $3, $4, $5, 'sending', $6) RETURNING id`,
    [c.id, fingerprintOf(["test", c.id, Date.now()]), m.subject, m.title, m.severity, JSON.stringify(payload)],
  );
  const d = await deliver(configOf(c, deps.secrets), payload, deps.transport);
  await deps.db.query("UPDATE notifications SET status = $2, response = $3, error = $4 WHERE id = $1", [
    row?.id,
    d.status,
    d.response,
    d.error,
  ]);
  return { status: d.status, error: d.error };
}
