"use client";

import { type FormEvent, useState } from "react";
import { useAddExceptionMutation } from "@/components/hooks/queries/use-detections-query";
import { Button } from "@/components/ui/button";
import { FIELD, Labelled } from "@/components/ui/field";
import { EXCEPTION_KINDS, type ExceptionKind } from "@/lib/schemas/detections";

const EMPTY = { kind: "principal" as ExceptionKind, value: "", reason: "", expiresAt: "" };
const KIND_LABELS: Record<ExceptionKind, string> = { principal: "Principal", resource: "Resource", ip: "IP address" };

/** Admins: the rule stops raising for one principal, resource or address (a trailing * matches by prefix). */
export function ExceptionForm({ ruleId }: { ruleId: string }) {
  const add = useAddExceptionMutation(ruleId);
  const [form, setForm] = useState(EMPTY);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        kind: form.kind,
        value: form.value,
        reason: form.reason,
        ...(form.expiresAt ? { expiresAt: new Date(`${form.expiresAt}T23:59:59`).toISOString() } : {}),
      },
      { onSuccess: () => setForm(EMPTY) },
    );
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2 text-xs" aria-label="New exception">
      <Labelled label="Kind">
        <select
          name="kind"
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as ExceptionKind })}
          className={FIELD}
        >
          {EXCEPTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label="Value (exact, or ending in *)">
        <input
          name="value"
          value={form.value}
          onChange={(e) => setForm({ ...form, value: e.target.value })}
          className={`${FIELD} w-80`}
        />
      </Labelled>
      <Labelled label="Reason">
        <input
          name="reason"
          value={form.reason}
          onChange={(e) => setForm({ ...form, reason: e.target.value })}
          className={`${FIELD} w-64`}
        />
      </Labelled>
      <Labelled label="Expires (optional)">
        <input
          type="date"
          name="expiresAt"
          value={form.expiresAt}
          onChange={(e) => setForm({ ...form, expiresAt: e.target.value })}
          className={FIELD}
        />
      </Labelled>
      <Button type="submit" disabled={add.isPending} data-testid="exception-add">
        Add exception
      </Button>
      {add.isError ? <p role="alert">{add.error.message}</p> : null}
    </form>
  );
}
