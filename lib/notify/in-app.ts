import { requireRole } from "@/lib/auth/require-role";
import type { Database } from "@/lib/ports/database";
import type { Principal } from "@/lib/schemas/auth";
import { type InAppList, MarkReadInput } from "@/lib/schemas/notifications";
import { NOTIFICATION_COLUMNS, NOTIFICATION_FROM, type NotificationRow, toNotificationDto } from "./notification-rows";

const EVERYONE = ["analysts", "reviewers", "admins"] as const;

interface Ctx {
  db: Database;
  principal: Principal | null;
}

/** What the in-app centre shows: every delivered in-app message (digests are for outward channels only). */
const VISIBLE = "n.channel_id = 'inapp' AND n.status = 'sent' AND n.kind <> 'digest'";

/** The in-app notification centre for the caller, newest first, each marked read or unread for them. */
export async function listInApp({ ctx }: { ctx: Ctx }): Promise<InAppList> {
  const me = requireRole(ctx.principal, EVERYONE);
  const rows = await ctx.db.query<NotificationRow & { read: boolean }>(
    `SELECT ${NOTIFICATION_COLUMNS},
            EXISTS (SELECT 1 FROM notification_reads r WHERE r.user_id = $1 AND r.notification_id = n.id) AS read
     FROM ${NOTIFICATION_FROM} WHERE ${VISIBLE} ORDER BY n.id DESC LIMIT 200`,
    [me.id],
  );
  return {
    items: rows.map((r) => ({ ...toNotificationDto(r), read: r.read })),
    unread: await countUnread(ctx.db, me.id),
  };
}

async function countUnread(db: Database, userId: string): Promise<number> {
  const [row] = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM notifications n
     WHERE ${VISIBLE} AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.user_id = $1 AND r.notification_id = n.id)`,
    [userId],
  );
  return Number(row?.n ?? 0);
}

/** The caller's unread count (the badge in the navigation). */
export async function countUnreadInApp({ ctx }: { ctx: Ctx }): Promise<{ unread: number }> {
  const me = requireRole(ctx.principal, EVERYONE);
  return { unread: await countUnread(ctx.db, me.id) };
}

/**
 * Marks in-app notifications read (or unread again) for the caller only; everyone keeps their own
 * state. Ids that are not in-app notifications are ignored rather than refused: marking is idempotent.
 */
export async function markInAppRead({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ unread: number }> {
  const me = requireRole(ctx.principal, EVERYONE);
  const m = MarkReadInput.parse(input);
  if ("all" in m || m.read) {
    await ctx.db.query(
      `INSERT INTO notification_reads (user_id, notification_id)
       SELECT $1, n.id FROM notifications n WHERE ${VISIBLE} AND ($2::bigint[] IS NULL OR n.id = ANY($2::bigint[]))
       ON CONFLICT DO NOTHING`,
      [me.id, "all" in m ? null : m.ids],
    );
  } else {
    await ctx.db.query("DELETE FROM notification_reads WHERE user_id = $1 AND notification_id = ANY($2::bigint[])", [
      me.id,
      m.ids,
    ]);
  }
  return { unread: await countUnread(ctx.db, me.id) };
}
