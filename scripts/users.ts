/**
 * `npm run users -- <command>`: manage local users from the shell (works while the server runs).
 *   list
 *   add <email> <role[,role]> [--password P]
 *   set-roles <email> <role[,role]>
 *   disable <email> | enable <email>
 *   rotate-session-key
 */

import { openDatabase } from "@/lib/adapters/compose/database";
import { SessionKeyring } from "@/lib/auth/session-keys";
import { migrate } from "@/lib/db/migrate";
import { loadEnv } from "@/lib/env";
import type { Principal } from "@/lib/schemas/auth";
import { createUser, listUsers, updateUser } from "@/lib/users";
import { findUserByEmail } from "@/lib/users/user-store";

const operator: Principal = { id: "cli", email: "cli@localhost", roles: ["admins"] };

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  const env = loadEnv();
  const db = await openDatabase(env);
  const ctx = { db, principal: operator };
  try {
    await migrate(db);
    const userId = async (email?: string) => {
      const u = email ? await findUserByEmail(db, email.toLowerCase()) : null;
      if (!u) throw new Error(`no user ${email}`);
      return u.id;
    };
    const roles = (s?: string) => (s ?? "").split(",").filter(Boolean);
    switch (cmd) {
      case "list":
        for (const u of await listUsers({ ctx }))
          console.log(`${u.email}\t${u.roles.join(",")}${u.disabled ? "\tdisabled" : ""}`);
        break;
      case "add": {
        const pi = args.indexOf("--password");
        const password = pi >= 0 ? args[pi + 1] : undefined;
        const out = await createUser({ ctx, input: { email: args[0], roles: roles(args[1]), password } });
        console.log(
          `created ${out.user.email} (${out.user.roles.join(",")})${out.password ? ` password: ${out.password}` : ""}`,
        );
        break;
      }
      case "set-roles":
        await updateUser({ ctx, id: await userId(args[0]), input: { roles: roles(args[1]) } });
        console.log("updated");
        break;
      case "disable":
      case "enable":
        await updateUser({ ctx, id: await userId(args[0]), input: { disabled: cmd === "disable" } });
        console.log(`${cmd}d`);
        break;
      case "rotate-session-key":
        console.log(`new key ${SessionKeyring.forDataDir(env.dataDir).load().rotate().kid}`);
        break;
      default:
        console.error(
          "usage: npm run users -- list | add <email> <roles> [--password P] | set-roles <email> <roles> | disable <email> | enable <email> | rotate-session-key",
        );
        process.exitCode = 2;
    }
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
