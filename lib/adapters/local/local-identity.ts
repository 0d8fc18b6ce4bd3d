import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { decodeSessionCookie, encodeSessionCookie, SESSION_COOKIE } from "@/lib/auth/session-cookie";
import type { SessionKeyring } from "@/lib/auth/session-keys";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { AuthRequest, IdentityProvider, SignInResult } from "@/lib/ports/identity";
import type { Principal } from "@/lib/schemas/auth";
import { findSessionUser, insertSession, revokeSession } from "@/lib/users/session-store";
import { findUserByEmail, resetFailedLogins, takeSignInAttempt } from "@/lib/users/user-store";

/** Local users with scrypt password hashes; an HMAC-signed cookie backed by a sessions row. */
export class LocalIdentity implements IdentityProvider {
  readonly kind = "local" as const;
  constructor(
    private readonly db: Database,
    private readonly keys: SessionKeyring,
    private readonly ttlSeconds: number,
  ) {}

  async authenticate(req: AuthRequest): Promise<Principal | null> {
    const raw = req.cookie(SESSION_COOKIE);
    if (!raw) return null;
    const claims = decodeSessionCookie(this.keys, raw);
    if (!claims) return null;
    const user = await findSessionUser(this.db, claims.sid, claims.sub);
    return user ? { id: user.id, email: user.email, roles: user.roles } : null;
  }

  /**
   * Unknown account, wrong password, disabled or locked account: the same answer, after the same
   * work (a password check), so none can be told apart from outside. The attempt is counted before
   * the password is checked (`takeSignInAttempt`).
   */
  async signIn(input: { email: string; password: string; userAgent?: string }): Promise<SignInResult> {
    const user = await findUserByEmail(this.db, input.email);
    const refuse = () =>
      new AppError(
        "unauthorized",
        "Email or password is incorrect. After 10 failed attempts an account is locked for 5 minutes.",
      );
    if (!user?.password_hash) {
      await burnPasswordCheck(input.password);
      throw refuse();
    }
    if (!(await takeSignInAttempt(this.db, user.id))) {
      await burnPasswordCheck(input.password);
      await recordAudit(this.db, { actor: user.email, action: "auth.sign_in_locked", subject: user.id });
      throw refuse();
    }
    const ok = await verifyPassword(input.password, user.password_hash);
    if (!ok || user.disabled) {
      await recordAudit(this.db, { actor: user.email, action: "auth.sign_in_failed", subject: user.id });
      throw refuse();
    }
    await resetFailedLogins(this.db, user.id);
    const sid = randomBytes(18).toString("base64url");
    const expires = new Date(Date.now() + this.ttlSeconds * 1000);
    await insertSession(this.db, { id: sid, userId: user.id, expiresAt: expires, userAgent: input.userAgent });
    await recordAudit(this.db, { actor: user.email, action: "auth.sign_in", subject: user.id });
    const value = encodeSessionCookie(this.keys, { sid, sub: user.id, exp: Math.floor(expires.getTime() / 1000) });
    return {
      principal: { id: user.id, email: user.email, roles: user.roles },
      cookie: { name: SESSION_COOKIE, value, expires },
    };
  }

  async signOut(req: AuthRequest): Promise<void> {
    const raw = req.cookie(SESSION_COOKIE);
    const claims = raw ? decodeSessionCookie(this.keys, raw) : null;
    if (claims) await revokeSession(this.db, claims.sid);
  }
}
