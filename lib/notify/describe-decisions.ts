import type { Queryable } from "@/lib/ports/database";
import { decisionInWords } from "@/lib/schemas/notifications";

export { decisionInWords };

/**
 * One sentence naming each channel by the name people gave it, grouped by what happened:
 * "Notified In-app notification centre and SOC Slack; SOC mailbox: held back by the rate limit …".
 */
export async function describeDecisions(q: Queryable, decisions: Record<string, string>): Promise<string> {
  const ids = Object.keys(decisions);
  if (!ids.length) return "No channel takes this severity";
  const rows = await q.query<{ id: string; name: string }>(
    "SELECT id, name FROM notification_channels WHERE id = ANY($1::text[])",
    [ids],
  );
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const byStatus = new Map<string, string[]>();
  for (const [id, status] of Object.entries(decisions)) {
    const s = status === "sending" ? "sent" : status;
    byStatus.set(s, [...(byStatus.get(s) ?? []), names.get(id) ?? "a removed channel"]);
  }
  const list = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}` : (xs[0] ?? ""));
  return [...byStatus.entries()]
    .map(([s, xs]) => (s === "sent" ? `Notified ${list(xs)}` : `${list(xs)}: ${decisionInWords(s)}`))
    .join("; ");
}
