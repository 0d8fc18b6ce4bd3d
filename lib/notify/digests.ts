import { activeChannels, configOf, deliverRecorded, lockChannel, type NotifyDeps } from "./channel-rows";
import { fingerprintOf } from "./notify";
import type { Message } from "./render";
import { render } from "./transports";

/**
 * Sends one digest per channel for what its rate limit held back, at most one per window: the
 * total, the count per severity and the first titles. The held rows point at their digest.
 */
export async function flushDigests(deps: NotifyDeps): Promise<number> {
  let sent = 0;
  for (const c of await activeChannels(deps.db)) {
    const made = await deps.db.transaction(async (tx) => {
      await lockChannel(tx, c.id);
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
      await deliverRecorded(deps, c, made.id, made.payload);
      sent++;
    }
  }
  return sent;
}
