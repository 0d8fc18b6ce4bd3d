"use client";

import { useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import {
  useCreateSuppressionMutation,
  useDeleteSuppressionMutation,
  useSuppressionsQuery,
} from "@/components/hooks/queries/use-findings-query";
import { Button } from "@/components/ui/button";
import { ROW, THEAD, TD as td, TH as th } from "@/components/ui/table";

const input = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/** Suppression rules: type + resource/principal pattern (`*` = anything) + optional expiry. */
export function SuppressionsView() {
  const params = useSearchParams();
  const { data, isError, error } = useSuppressionsQuery();
  const create = useCreateSuppressionMutation();
  const remove = useDeleteSuppressionMutation();
  const [form, setForm] = useState({
    findingType: params.get("type") ?? "",
    resource: params.get("resource") ?? "",
    principal: params.get("principal") ?? "",
    reason: "",
    expiresAt: "",
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        findingType: form.findingType,
        reason: form.reason,
        ...(form.resource ? { resource: form.resource } : {}),
        ...(form.principal ? { principal: form.principal } : {}),
        ...(form.expiresAt ? { expiresAt: new Date(form.expiresAt).toISOString() } : {}),
      },
      { onSuccess: () => setForm({ findingType: "", resource: "", principal: "", reason: "", expiresAt: "" }) },
    );
  };

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="New suppression rule">
        {(
          [
            ["findingType", "Finding type"],
            ["resource", "Resource"],
            ["principal", "Principal"],
            ["reason", "Reason"],
          ] as const
        ).map(([k, label]) => (
          <label key={k} className="flex flex-col text-xs">
            {label}
            <input
              name={k}
              value={form[k]}
              onChange={(e) => setForm({ ...form, [k]: e.target.value })}
              className={input}
            />
          </label>
        ))}
        <label className="flex flex-col text-xs">
          Expires
          <input
            type="date"
            name="expiresAt"
            value={form.expiresAt}
            onChange={(e) => setForm({ ...form, expiresAt: e.target.value })}
            className={input}
          />
        </label>
        <Button type="submit" disabled={create.isPending}>
          Save rule
        </Button>
        {create.isError ? <p role="alert">{create.error.message}</p> : null}
      </form>
      {isError ? <p role="alert">{error.message}</p> : null}
      {data ? (
        <table className="w-full text-sm">
          <thead className={THEAD}>
            <tr>
              <th className={th}>Type</th>
              <th className={th}>Resource</th>
              <th className={th}>Principal</th>
              <th className={th}>Reason</th>
              <th className={th}>Expires</th>
              <th className={th}>Hides (30 days)</th>
              <th className={th}>By</th>
              <th className={th} />
            </tr>
          </thead>
          <tbody>
            {data.rules.map((r) => (
              <tr key={r.id} className={ROW}>
                <td className={td}>{r.findingType}</td>
                <td className={td}>{r.resource ?? "any"}</td>
                <td className={td}>{r.principal ?? "any"}</td>
                <td className={td}>{r.reason}</td>
                <td className={td}>
                  {r.expiresAt ? new Date(r.expiresAt).toLocaleDateString() : "never"}
                  {r.active ? "" : " (expired)"}
                </td>
                <td className={td} data-testid="hidden-count">
                  {r.hidden ?? "—"}
                </td>
                <td className={td}>{r.createdBy}</td>
                <td className={td}>
                  <Button variant="secondary" onClick={() => remove.mutate(r.id)} disabled={remove.isPending}>
                    Retire
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Loading…</p>
      )}
      {data && data.rules.length === 0 ? <p className="text-sm">No suppression rules.</p> : null}
    </div>
  );
}
