import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { Principal } from "@/lib/schemas/auth";
import { ChannelInput, type ChannelSummary, OutboxQuery } from "@/lib/schemas/notifications";
import { activeChannels, type ChannelRow, type NotifyDeps } from "./channel-rows";
import { NOTIFICATION_SELECT, type NotificationRow, toNotificationDto } from "./notification-rows";
import type { SecretBox } from "./secret-box";
import { sendTestMessage } from "./test-message";

const ADMINS = ["admins"] as const;

interface Ctx {
  db: Database;
  principal: Principal | null;
}

export async function listChannels({
  ctx,
  email,
}: {
  ctx: Ctx;
  email: boolean;
}): Promise<{ channels: ChannelSummary[] }> {
  requireRole(ctx.principal, ADMINS);
  const rows = await activeChannels(ctx.db);
  const counts = await ctx.db.query<{ channel_id: string; sent: string; held: string }>(
    `SELECT n.channel_id,
            count(*) FILTER (WHERE n.kind NOT IN ('digest', 'test') AND n.status IN ('sending', 'sent', 'outbox', 'failed')
                             AND n.created_at > now() - make_interval(secs => c.window_seconds)) AS sent,
            count(*) FILTER (WHERE n.status = 'held') AS held
     FROM notifications n JOIN notification_channels c ON c.id = n.channel_id GROUP BY n.channel_id`,
  );
  const by = new Map(counts.map((c) => [c.channel_id, c]));
  return {
    channels: rows.map((c: ChannelRow) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      minSeverity: c.min_severity,
      rateLimit: c.rate_limit,
      windowSeconds: c.window_seconds,
      settings: c.settings,
      configured: c.secret !== null,
      delivery: c.kind === "inapp" || c.secret !== null || (c.kind === "email" && email) ? "deliver" : "outbox",
      createdBy: c.created_by,
      createdAt: new Date(c.created_at).toISOString(),
      sentLastWindow: Number(by.get(c.id)?.sent ?? 0),
      held: Number(by.get(c.id)?.held ?? 0),
    })),
  };
}

/** Adds a channel; its secret is sealed before it is stored and never returned (audited). */
export async function createChannel({ ctx, secrets, input }: { ctx: Ctx; secrets: SecretBox; input: unknown }) {
  const actor = requireRole(ctx.principal, ADMINS);
  const c = ChannelInput.parse(input);
  const secret =
    c.kind === "slack" && c.webhookUrl
      ? secrets.seal({ webhookUrl: c.webhookUrl })
      : c.kind === "telegram" && c.botToken
        ? secrets.seal({ botToken: c.botToken })
        : null;
  const settings = c.kind === "telegram" ? { chatId: c.chatId } : c.kind === "email" ? { to: c.to } : {};
  const id = `ch-${randomUUID()}`;
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO notification_channels (id, kind, name, min_severity, rate_limit, window_seconds, settings, secret, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, c.kind, c.name, c.minSeverity, c.rateLimit, c.windowSeconds, JSON.stringify(settings), secret, actor.email],
    );
    await recordAudit(tx, {
      actor: actor.email,
      action: "channel.created",
      subject: id,
      detail: { kind: c.kind, name: c.name, withSecret: secret !== null },
    });
  });
  return { id };
}

export async function deleteChannel({ ctx, id }: { ctx: Ctx; id: string }) {
  const actor = requireRole(ctx.principal, ADMINS);
  if (id === "inapp") throw new AppError("invalid_input", "The in-app notification centre cannot be removed");
  await ctx.db.transaction(async (tx) => {
    const r = await tx.query(
      "UPDATE notification_channels SET deleted_at = now(), secret = NULL WHERE id = $1 AND deleted_at IS NULL RETURNING 1",
      [id],
    );
    if (!r.length) throw new AppError("not_found", "No such channel");
    await recordAudit(tx, { actor: actor.email, action: "channel.deleted", subject: id });
  });
}

/** Sends a test message through a channel now (admins; audited) and says what the transport answered. */
export async function testChannel({ ctx, notify, id }: { ctx: Ctx; notify: NotifyDeps; id: string }) {
  const actor = requireRole(ctx.principal, ADMINS);
  const r = await sendTestMessage(notify, id, actor.email);
  if (r.status === "missing") throw new AppError("not_found", "No such channel");
  await recordAudit(ctx.db, { actor: actor.email, action: "channel.tested", subject: id, detail: r });
  return r;
}

/** Every decision on every channel, newest first, with the exact payload (admins). */
export async function listOutbox({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.principal, ADMINS);
  const q = OutboxQuery.parse(input);
  const rows = await ctx.db.query<NotificationRow>(
    `${NOTIFICATION_SELECT} WHERE ($1::text IS NULL OR n.channel_id = $1) AND ($2::text IS NULL OR n.status = $2)
     ORDER BY n.id DESC LIMIT $3`,
    [q.channel ?? null, q.status ?? null, q.limit],
  );
  const [totals] = await ctx.db.query<Record<string, string>>(
    `SELECT count(*) AS total, ${["sent", "outbox", "held", "digested", "duplicate", "failed"].map((s) => `count(*) FILTER (WHERE status = '${s}') AS ${s}`).join(", ")}
     FROM notifications WHERE ($1::text IS NULL OR channel_id = $1)`,
    [q.channel ?? null],
  );
  return {
    items: rows.map(toNotificationDto),
    totals: Object.fromEntries(Object.entries(totals ?? {}).map(([k, v]) => [k, Number(v)])),
  };
}
