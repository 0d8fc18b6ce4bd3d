import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { Principal } from "@/lib/schemas/auth";
import { UpdateUserInput, type UserDto } from "@/lib/schemas/users";
import { revokeUserSessions } from "./session-store";
import { findUserById, toUserDto, updateUser as updateUserRow } from "./user-store";

/** Admins change roles or disable a user; either signs that user out everywhere. */
export async function updateUser({
  ctx,
  id,
  input,
}: {
  ctx: { db: Database; principal: Principal | null };
  id: string;
  input: unknown;
}): Promise<UserDto> {
  const actor = requireRole(ctx.principal, ["admins"]);
  const patch = UpdateUserInput.parse(input);
  if (actor.id === id && (patch.disabled || (patch.roles && !patch.roles.includes("admins")))) {
    throw new AppError("conflict", "You cannot remove your own admin access");
  }
  return ctx.db.transaction(async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw new AppError("not_found", "No such user");
    const after = await updateUserRow(tx, id, {
      roles: patch.roles ? [...new Set(patch.roles)] : undefined,
      disabled: patch.disabled,
    });
    if (!after) throw new AppError("not_found", "No such user");
    await revokeUserSessions(tx, id);
    await recordAudit(tx, {
      actor: actor.email,
      action: "user.update",
      subject: id,
      detail: { before: { roles: before.roles, disabled: before.disabled }, after: patch },
    });
    return toUserDto(after);
  });
}
