import { type ChannelRow, configOf, type NotifyDeps } from "./channel-rows";
import { fingerprintOf } from "./notify";
import type { Message } from "./render";
import { deliver, render } from "./transports";

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
