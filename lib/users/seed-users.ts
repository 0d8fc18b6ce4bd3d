import { recordAudit } from "@/lib/audit/record-audit";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/ports/database";
import { ROLES, type Role } from "@/lib/schemas/auth";
import { countUsers, insertUser } from "./user-store";

export interface SeededUser {
  email: string;
  role: Role;
  password: string;
}

export const seedEmail = (role: Role) => `${role.replace(/s$/, "")}@sightline.local`;

/**
 * First start only (no users yet): one user per role. Passwords are random unless
 * `initialPassword` is given (demos, CI), and are returned so the caller prints them once.
 */
export async function seedUsers(db: Database, initialPassword?: string): Promise<SeededUser[]> {
  if ((await countUsers(db)) > 0) return [];
  const out: SeededUser[] = [];
  for (const role of ROLES) {
    const password = initialPassword ?? generatePassword();
    const row = await insertUser(db, {
      email: seedEmail(role),
      passwordHash: await hashPassword(password),
      roles: [role],
    });
    if (row) {
      out.push({ email: row.email, role, password });
      await recordAudit(db, { actor: "system", action: "user.seed", subject: row.id, detail: { roles: [role] } });
    }
  }
  return out;
}
