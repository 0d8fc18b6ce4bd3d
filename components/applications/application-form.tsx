"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ApplicationInput } from "@/lib/schemas/applications";
import { apiFetch } from "../hooks/api-fetch";

const input = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";
const FIELDS = [
  ["name", "Full name"],
  ["line1", "Address line 1"],
  ["line2", "Address line 2"],
  ["city", "City"],
  ["postcode", "Postcode"],
  ["country", "Country (2 letters)"],
] as const;

/** Submits an application; the server validates it and starts the review workflow. */
export function ApplicationForm() {
  const [v, setV] = useState<Record<string, string>>({ country: "GB" });
  const submit = useMutation({
    mutationFn: (body: ApplicationInput) =>
      apiFetch<{ applicationId: string; status: string }>("/api/applications", { method: "POST", json: body }),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate({
      name: v.name ?? "",
      address: {
        line1: v.line1 ?? "",
        ...(v.line2 ? { line2: v.line2 } : {}),
        city: v.city ?? "",
        postcode: v.postcode ?? "",
        country: v.country ?? "",
      },
    });
  };
  return (
    <form onSubmit={onSubmit} className="flex max-w-md flex-col gap-2" aria-label="Application">
      {FIELDS.map(([k, label]) => (
        <label key={k} className="flex flex-col text-xs">
          {label}
          <input name={k} value={v[k] ?? ""} onChange={(e) => setV({ ...v, [k]: e.target.value })} className={input} />
        </label>
      ))}
      <div>
        <Button type="submit" disabled={submit.isPending}>
          Submit application
        </Button>
      </div>
      {submit.isError ? <p role="alert">{submit.error.message}</p> : null}
      {submit.data ? (
        <p role="status">
          Submitted as <code>{submit.data.applicationId}</code>; checks are running (flagged applications go to review).
        </p>
      ) : null}
    </form>
  );
}
