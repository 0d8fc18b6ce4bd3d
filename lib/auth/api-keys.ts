import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import type { Principal } from "@/lib/schemas/auth";

/** `slk_<id>_<secret>`: the id finds the row, the secret is checked against its hash. */
const KEY = /^slk_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;
const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");

export const ApiKeyInput = z.object({ name: z.string().trim().min(1).max(100) }).strict();

interface Row {
  id: string;
  name: string;
  secret_hash: string;
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}
const toDto = (r: Row): ApiKeyDto => ({
  id: r.id,
  name: r.name,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
  lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
  revoked: r.revoked_at !== null,
});

/** The caller behind an `Authorization: Bearer slk_…` header, or null (wrong, unknown or revoked key). */
export async function principalFromApiKey(db: Database, authorization: string | null): Promise<Principal | null> {
  const m = KEY.exec(authorization?.replace(/^Bearer\s+/i, "") ?? "");
  if (!m) return null;
  const [, id = "", secret = ""] = m;
  const [row] = await db.query<Row>("SELECT * FROM api_keys WHERE id = $1 AND revoked_at IS NULL", [id]);
  if (!row) return null;
  const a = Buffer.from(row.secret_hash, "hex");
  const b = Buffer.from(hash(secret), "hex");
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  await db.query("UPDATE api_keys SET last_used_at = now() WHERE id = $1", [id]);
  return { id: `api-key:${id}`, email: `api-key:${row.name}`, roles: [] };
}

export async function createApiKey({
  ctx,
  input,
}: {
  ctx: { db: Database; principal: Principal | null };
  input: unknown;
}) {
  const actor = requireRole(ctx.principal, ["admins"]);
  const { name } = ApiKeyInput.parse(input);
  const id = randomBytes(8).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  const [row] = await ctx.db.transaction(async (tx) => {
    const rows = await tx.query<Row>(
      "INSERT INTO api_keys (id, name, secret_hash, created_by) VALUES ($1, $2, $3, $4) RETURNING *",
      [id, name, hash(secret), actor.email],
    );
    await recordAudit(tx, { actor: actor.email, action: "api-key.create", subject: id, detail: { name } });
    return rows;
  });
  return { apiKey: toDto(row as Row), key: `slk_${id}_${secret}` };
}

export async function listApiKeys({ ctx }: { ctx: { db: Database; principal: Principal | null } }) {
  requireRole(ctx.principal, ["admins"]);
  return { apiKeys: (await ctx.db.query<Row>("SELECT * FROM api_keys ORDER BY created_at DESC")).map(toDto) };
}

export async function revokeApiKey({ ctx, id }: { ctx: { db: Database; principal: Principal | null }; id: string }) {
  const actor = requireRole(ctx.principal, ["admins"]);
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.query(
      "UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id",
      [id],
    );
    if (rows.length === 0) throw new AppError("not_found", "No such active key");
    await recordAudit(tx, { actor: actor.email, action: "api-key.revoke", subject: id });
  });
}
