// POST /api/admin/session-keys — rotate the local session-signing key (admins)
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/http/with-route";

export const POST = withRoute({ auth: ["admins"] }, async ({ ctx, principal }) => {
  if (!ctx.sessionKeys) throw new AppError("not_found", "Session keys exist only on the local backend");
  const key = ctx.sessionKeys.rotate();
  await recordAudit(ctx.db, { actor: principal.email, action: "auth.rotate_session_key", subject: key.kid });
  return { kid: key.kid, createdAt: key.createdAt };
});
