import type { Queryable } from "@/lib/ports/database";
import type { Role } from "@/lib/schemas/auth";
import type { UserDto } from "@/lib/schemas/users";

export interface UserRow {
  id: string;
  email: string;
  password_hash: string | null;
  roles: Role[];
  disabled: boolean;
  failed_logins: number;
  locked_until: Date | null;
  created_at: Date;
}

const COLS = "id, email, password_hash, roles, disabled, failed_logins, locked_until, created_at";

export const toUserDto = (u: UserRow): UserDto => ({
  id: u.id,
  email: u.email,
  roles: u.roles,
  disabled: u.disabled,
  createdAt: u.created_at.toISOString(),
});

export async function insertUser(
  q: Queryable,
  u: { email: string; passwordHash: string | null; roles: Role[] },
): Promise<UserRow | null> {
  const rows = await q.query<UserRow>(
    `INSERT INTO users (email, password_hash, roles) VALUES ($1, $2, $3)
     ON CONFLICT (email) DO NOTHING RETURNING ${COLS}`,
    [u.email, u.passwordHash, u.roles],
  );
  return rows[0] ?? null;
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | null> {
  const rows = await q.query<UserRow>(`SELECT ${COLS} FROM users WHERE email = $1`, [email]);
  return rows[0] ?? null;
}

export async function findUserById(q: Queryable, id: string): Promise<UserRow | null> {
  const rows = await q.query<UserRow>(`SELECT ${COLS} FROM users WHERE id::text = $1`, [id]);
  return rows[0] ?? null;
}

export async function listUsers(q: Queryable): Promise<UserRow[]> {
  return q.query<UserRow>(`SELECT ${COLS} FROM users ORDER BY email`);
}

export async function countUsers(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
  return rows[0]?.n ?? 0;
}

export async function updateUser(
  q: Queryable,
  id: string,
  patch: { roles?: Role[]; disabled?: boolean; passwordHash?: string },
): Promise<UserRow | null> {
  const rows = await q.query<UserRow>(
    `UPDATE users SET
       roles = COALESCE($2, roles),
       disabled = COALESCE($3, disabled),
       password_hash = COALESCE($4, password_hash),
       updated_at = now()
     WHERE id::text = $1 RETURNING ${COLS}`,
    [id, patch.roles ?? null, patch.disabled ?? null, patch.passwordHash ?? null],
  );
  return rows[0] ?? null;
}

/** Sign-in attempts in a row (without a success between) that lock the account. */
export const MAX_SIGN_IN_ATTEMPTS = 10;

/**
 * Takes one sign-in attempt for the user *before* the password is checked, in one conditional
 * update, so N parallel attempts cost N attempts (a read-then-count would let them all through
 * while the count lags). False when the account is locked. The attempt that reaches the limit
 * locks the account for 5 minutes; after a lock runs out the count starts again. A successful
 * sign-in resets it (`resetFailedLogins`).
 */
export async function takeSignInAttempt(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query<{ failed_logins: number }>(
    `UPDATE users SET
       failed_logins = CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END,
       locked_until = CASE
         WHEN (CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END) >= ${MAX_SIGN_IN_ATTEMPTS}
         THEN now() + interval '5 minutes' END
     WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
     RETURNING failed_logins`,
    [id],
  );
  return rows.length > 0;
}

export async function resetFailedLogins(q: Queryable, id: string): Promise<void> {
  await q.query("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1", [id]);
}
