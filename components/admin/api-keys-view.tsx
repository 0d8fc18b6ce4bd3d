"use client";

import { type FormEvent, useState } from "react";
import {
  useApiKeysQuery,
  useCreateApiKeyMutation,
  useRevokeApiKeyMutation,
} from "@/components/hooks/queries/use-api-keys-query";
import { Button } from "@/components/ui/button";
import { ROW, THEAD, TD as td, TH as th } from "@/components/ui/table";

/** Keys for systems that submit applications; the key itself is shown once, when created. */
export function ApiKeysView() {
  const { data, isError, error } = useApiKeysQuery();
  const create = useCreateApiKeyMutation();
  const revoke = useRevokeApiKeyMutation();
  const [name, setName] = useState("");
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name, { onSuccess: () => setName("") });
  };
  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex items-end gap-2" aria-label="New API key">
        <label className="flex flex-col text-xs">
          System name
          <input
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <Button type="submit" disabled={!name.trim() || create.isPending}>
          Create key
        </Button>
      </form>
      {create.data ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm dark:bg-amber-950">
          Copy this key now; it is not shown again: <code data-testid="new-key">{create.data.key}</code>
        </p>
      ) : null}
      {isError ? <p role="alert">{error.message}</p> : null}
      <table className="w-full text-sm">
        <thead className={THEAD}>
          <tr>
            <th className={th}>Name</th>
            <th className={th}>Created</th>
            <th className={th}>Last used</th>
            <th className={th}>State</th>
            <th className={th} />
          </tr>
        </thead>
        <tbody>
          {(data?.apiKeys ?? []).map((k) => (
            <tr key={k.id} className={ROW}>
              <td className={td}>{k.name}</td>
              <td className={td}>
                {new Date(k.createdAt).toLocaleString()} by {k.createdBy}
              </td>
              <td className={td}>{k.lastUsedAt ? new Date(k.lastUsedAt).toLocaleString() : "never"}</td>
              <td className={td}>{k.revoked ? "revoked" : "active"}</td>
              <td className={td}>
                {k.revoked ? null : (
                  <Button variant="secondary" onClick={() => revoke.mutate(k.id)} disabled={revoke.isPending}>
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
