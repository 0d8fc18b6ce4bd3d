import type { Queryable } from "@/lib/ports/database";
import type { UserRow } from "./user-store";

export async function insertSession(
  q: Queryable,
  s: { id: string; userId: string; expiresAt: Date; userAgent?: string },
): Promise<void> {
  await q.query("INSERT INTO sessions (id, user_id, expires_at, user_agent) VALUES ($1, $2, $3, $4)", [
    s.id,
    s.userId,
    s.expiresAt,
    s.userAgent?.slice(0, 300) ?? null,
  ]);
}

/** The user behind a live session: not revoked, not expired, user not disabled. */
export async function findSessionUser(q: Queryable, sid: string, userId: string): Promise<UserRow | null> {
  const rows = await q.query<UserRow>(
    `SELECT u.id, u.email, u.password_hash, u.roles, u.disabled, u.failed_logins, u.locked_until, u.created_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND u.id::text = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
    [sid, userId],
  );
  return rows[0] ?? null;
}

export async function revokeSession(q: Queryable, sid: string): Promise<void> {
  await q.query("UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL", [sid]);
}

export async function revokeUserSessions(q: Queryable, userId: string): Promise<void> {
  await q.query("UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL", [userId]);
}
