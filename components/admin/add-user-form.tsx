"use client";

import { type FormEvent, useState } from "react";
import { useCreateUserMutation } from "@/components/hooks/queries/use-users-query";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { ROLES, type Role } from "@/lib/schemas/auth";
import { toggleRole } from "./toggle-role";

/** Adds a user with the chosen roles; a generated password is shown once. */
export function AddUserForm() {
  const create = useCreateUserMutation();
  const [email, setEmail] = useState("");
  const [roles, setRoles] = useState<Role[]>(["analysts"]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ email, roles }, { onSuccess: () => setEmail("") });
  };
  return (
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
              <input type="checkbox" checked={roles.includes(r)} onChange={() => setRoles(toggleRole(roles, r))} />
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
  );
}
