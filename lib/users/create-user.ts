import { recordAudit } from "@/lib/audit/record-audit";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { Principal } from "@/lib/schemas/auth";
import { CreateUserInput, type UserDto } from "@/lib/schemas/users";
import { insertUser, toUserDto } from "./user-store";

/** Admins add a user; without a password one is generated and returned once. */
export async function createUser({
  ctx,
  input,
}: {
  ctx: { db: Database; principal: Principal | null };
  input: unknown;
}): Promise<{ user: UserDto; password?: string }> {
  const actor = requireRole(ctx.principal, ["admins"]);
  const data = CreateUserInput.parse(input);
  const generated = data.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(data.password ?? generated ?? "");
  const user = await ctx.db.transaction(async (tx) => {
    const row = await insertUser(tx, { email: data.email, passwordHash, roles: [...new Set(data.roles)] });
    if (!row) throw new AppError("conflict", `A user with email ${data.email} already exists`);
    await recordAudit(tx, { actor: actor.email, action: "user.create", subject: row.id, detail: { roles: row.roles } });
    return row;
  });
  return { user: toUserDto(user), password: generated };
}
