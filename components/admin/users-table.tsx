"use client";

import { useUpdateUserMutation, useUsersQuery } from "@/components/hooks/queries/use-users-query";
import { Button } from "@/components/ui/button";
import { ScrollArea } from "@/components/ui/scroll-area";
import { ROW, THEAD } from "@/components/ui/table";
import { ROLES } from "@/lib/schemas/auth";
import { toggleRole } from "./toggle-role";

/** Every user, with their roles and status editable in place; admins cannot lock themselves out. */
export function UsersTable({ selfId }: { selfId: string }) {
  const users = useUsersQuery();
  const update = useUpdateUserMutation();
  return (
    <section aria-labelledby="users-h">
      <h2 id="users-h" className="mb-3 text-lg font-semibold">
        Users
      </h2>
      {users.isError ? <p role="alert">{users.error.message}</p> : null}
      <ScrollArea className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className={THEAD}>
            <tr>
              <th className="py-2">Email</th>
              {ROLES.map((r) => (
                <th key={r} className="py-2">
                  {r}
                </th>
              ))}
              <th className="py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.users.map((u) => (
              <tr key={u.id} className={ROW}>
                <td className="py-2">{u.email}</td>
                {ROLES.map((r) => (
                  <td key={r}>
                    <input
                      type="checkbox"
                      aria-label={`${u.email} is in ${r}`}
                      checked={u.roles.includes(r)}
                      disabled={update.isPending || (u.id === selfId && r === "admins")}
                      onChange={() => {
                        const next = toggleRole(u.roles, r);
                        if (next.length) update.mutate({ id: u.id, patch: { roles: next } });
                      }}
                    />
                  </td>
                ))}
                <td>
                  <Button
                    variant="secondary"
                    disabled={u.id === selfId || update.isPending}
                    onClick={() => update.mutate({ id: u.id, patch: { disabled: !u.disabled } })}
                  >
                    {u.disabled ? "Enable" : "Disable"}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      {update.isError ? (
        <p role="alert" className="mt-2 text-sm text-rose-600">
          {update.error.message}
        </p>
      ) : null}
    </section>
  );
}
