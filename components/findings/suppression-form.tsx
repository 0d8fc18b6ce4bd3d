"use client";

import { useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useCreateSuppressionMutation } from "@/components/hooks/queries/use-findings-query";
import { Button } from "@/components/ui/button";
import { SuppressionInput } from "@/lib/schemas/suppressions";
import { describeProblems } from "./problem-text";
import { SuppressionPreviewLine } from "./suppression-preview";

const INPUT = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";
const TEXT_FIELDS = [
  ["findingType", "Finding type"],
  ["resource", "Resource"],
  ["principal", "Principal"],
  ["reason", "Reason"],
] as const;
const EMPTY = { findingType: "", resource: "", principal: "", reason: "", expiresAt: "" };

/** A new rule; "Suppress similar findings…" on a finding arrives here with its type and resource filled in. */
export function SuppressionForm() {
  const params = useSearchParams();
  const create = useCreateSuppressionMutation();
  const [form, setForm] = useState({
    ...EMPTY,
    findingType: params.get("type") ?? "",
    resource: params.get("resource") ?? "",
    principal: params.get("principal") ?? "",
  });
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = SuppressionInput.safeParse({
      findingType: form.findingType,
      reason: form.reason,
      ...(form.resource.trim() ? { resource: form.resource } : {}),
      ...(form.principal.trim() ? { principal: form.principal } : {}),
      ...(form.expiresAt ? { expiresAt: new Date(form.expiresAt).toISOString() } : {}),
    });
    setProblem(input.success ? null : describeProblems(input.error));
    if (input.success) create.mutate(input.data, { onSuccess: () => setForm(EMPTY) });
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="New suppression rule">
      {TEXT_FIELDS.map(([k, label]) => (
        <label key={k} className="flex flex-col text-xs">
          {label}
          <input
            name={k}
            value={form[k]}
            onChange={(e) => setForm({ ...form, [k]: e.target.value })}
            className={INPUT}
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
          className={INPUT}
        />
      </label>
      <SuppressionPreviewLine findingType={form.findingType} resource={form.resource} principal={form.principal} />
      <Button type="submit" disabled={create.isPending}>
        Save rule
      </Button>
      {problem ? <p role="alert">{problem}</p> : create.isError ? <p role="alert">{create.error.message}</p> : null}
    </form>
  );
}
