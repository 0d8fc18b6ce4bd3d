import { requireRole } from "@/lib/auth/require-role";
import type { Database } from "@/lib/ports/database";
import type { Principal } from "@/lib/schemas/auth";
import type { UserDto } from "@/lib/schemas/users";
import { listUsers as selectUsers, toUserDto } from "./user-store";

export async function listUsers({ ctx }: { ctx: { db: Database; principal: Principal | null } }): Promise<UserDto[]> {
  requireRole(ctx.principal, ["admins"]);
  return (await selectUsers(ctx.db)).map(toUserDto);
}
