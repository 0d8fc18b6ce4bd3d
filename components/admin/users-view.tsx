"use client";

import { type FormEvent, useState } from "react";
import {
  useCreateUserMutation,
  useUpdateUserMutation,
  useUsersQuery,
} from "@/components/hooks/queries/use-users-query";
import { Button } from "@/components/ui/button";
import { ROW, THEAD } from "@/components/ui/table";
import { TextField } from "@/components/ui/text-field";
import { ROLES, type Role } from "@/lib/schemas/auth";

export function UsersView({ selfId }: { selfId: string }) {
  const users = useUsersQuery();
  const create = useCreateUserMutation();
  const update = useUpdateUserMutation();
  const [email, setEmail] = useState("");
  const [roles, setRoles] = useState<Role[]>(["analysts"]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ email, roles }, { onSuccess: () => setEmail("") });
  };
  const toggle = (list: Role[], role: Role) => (list.includes(role) ? list.filter((r) => r !== role) : [...list, role]);

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <section aria-labelledby="users-h">
        <h2 id="users-h" className="mb-3 text-lg font-semibold">
          Users
        </h2>
        {users.isError ? <p role="alert">{users.error.message}</p> : null}
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
                        const next = toggle(u.roles, r);
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
        {update.isError ? (
          <p role="alert" className="mt-2 text-sm text-rose-600">
            {update.error.message}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="add-h">
        <h2 id="add-h" className="mb-3 text-lg font-semibold">
          Add a user
        </h2>
        <form onSubmit={onSubmit} className="flex flex-col gap-3">
          <TextField label="Email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <fieldset className="flex flex-col gap-1">
            <legend className="text-sm font-medium">Roles</legend>
            {ROLES.map((r) => (
              <label key={r} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={roles.includes(r)} onChange={() => setRoles(toggle(roles, r))} />
                {r}
              </label>
            ))}
          </fieldset>
          <Button type="submit" disabled={create.isPending || roles.length === 0}>
            Add user
          </Button>
          {create.isError ? (
            <p role="alert" className="text-sm text-rose-600">
              {create.error.message}
            </p>
          ) : null}
          {create.data?.password ? (
            <p role="status" className="rounded-md bg-emerald-50 p-2 text-sm dark:bg-emerald-950">
              Created {create.data.user.email}. Password (shown once): <code>{create.data.password}</code>
            </p>
          ) : null}
        </form>
      </section>
    </div>
  );
}
