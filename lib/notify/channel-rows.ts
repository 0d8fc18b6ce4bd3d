import type { Database, Queryable } from "@/lib/ports/database";
import type { SecretBox } from "./secret-box";
import { type ChannelConfig, type ChannelKind, deliver, type TransportOptions } from "./transports";

/** What sending needs: the notification tables, the box that opens channel secrets, the transports. */
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

export const activeChannels = (q: Queryable) =>
  q.query<ChannelRow>("SELECT * FROM notification_channels WHERE deleted_at IS NULL ORDER BY created_at, id");

/** The channel as a transport sees it, with its secret opened. */
export const configOf = (c: ChannelRow, secrets: SecretBox): ChannelConfig => ({
  id: c.id,
  kind: c.kind,
  settings: c.settings,
  secret: c.secret ? secrets.open(c.secret) : null,
});

/** Serializes the decisions on one channel (dedup, rate limit, digest) for the rest of the transaction. */
export const lockChannel = (tx: Queryable, channelId: string) =>
  tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`notify:${channelId}`]);

/** Delivers a recorded notification and records the transport's answer on its row. */
export async function deliverRecorded(deps: NotifyDeps, c: ChannelRow, id: string, payload: unknown): Promise<string> {
  const d = await deliver(configOf(c, deps.secrets), payload, deps.transport);
  await deps.db.query("UPDATE notifications SET status = $2, response = $3, error = $4 WHERE id = $1", [
    id,
    d.status,
    d.response,
    d.error,
  ]);
  return d.status;
}
