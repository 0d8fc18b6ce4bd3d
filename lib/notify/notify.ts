import { createHash } from "node:crypto";
import {
  activeChannels,
  type ChannelRow,
  configOf,
  deliverRecorded,
  lockChannel,
  type NotifyDeps,
} from "./channel-rows";
import type { Message } from "./render";
import { render } from "./transports";

/** How long the same fingerprint stays quiet on a channel. */
export const DEDUP_HOURS = 24;

/** Same message about the same thing → same fingerprint (a repeat of a finding does not re-notify). */
export const fingerprintOf = (parts: readonly (string | number)[]) =>
  createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);

/** Rate limits and digests are for what is pushed outward (e-mail, Slack, Telegram), never the in-app centre. */
export const isRateLimited = (c: Pick<ChannelRow, "kind">) => c.kind !== "inapp";

export type Decision = "sending" | "held" | "duplicate";

/**
 * Decides and sends one message on every channel whose threshold it meets. Per channel, under a
 * lock: a fingerprint already notified within DEDUP_HOURS is recorded as `duplicate`; past an
 * outward channel's rate limit (messages per window) it is `held` for the next digest; otherwise it
 * is rendered, recorded and delivered (or kept in the outbox). Every decision is a row: nothing is
 * dropped silently. The in-app centre is never held: people read it at their own pace (with
 * read/unread state), so throttling it would only hide items from them.
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
      await lockChannel(tx, c.id);
      const [dup] = await tx.query(
        `SELECT 1 FROM notifications WHERE channel_id = $1 AND fingerprint = $2
           AND status IN ('sending', 'sent', 'outbox', 'held', 'digested')
           AND created_at > now() - make_interval(hours => $3) LIMIT 1`,
        [c.id, fingerprint, DEDUP_HOURS],
      );
      const [used] =
        dup || !isRateLimited(c)
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
    if (decided.status === "sending") out[c.id] = await deliverRecorded(deps, c, decided.id, decided.payload);
  }
  return out;
}
