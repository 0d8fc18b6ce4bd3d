"use client";

import { type FormEvent, useState } from "react";
import { useTriageMutation } from "@/components/hooks/queries/use-findings-query";
import { Button } from "@/components/ui/button";
import { TRIAGE_STATUSES, type TriageStatus } from "@/lib/schemas/triage";
import { buildTriageInput } from "./triage-input";

const INPUT = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/** Change a finding's status (with a reason), add a note, or take it on yourself. */
export function TriageForm({ id, assignee, me }: { id: string; assignee: string | null; me: string }) {
  const triage = useTriageMutation(id);
  const [status, setStatus] = useState<TriageStatus | "">("");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    triage.mutate(buildTriageInput({ status, reason, note }), {
      onSuccess: () => {
        setNote("");
        setStatus("");
        setReason("");
      },
    });
  };
  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-2 rounded border border-slate-200 p-3 dark:border-slate-800"
      aria-label="Triage"
    >
      <h3 className="font-semibold">Triage</h3>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-xs">
          Status
          <select
            name="status"
            value={status}
            onChange={(e) => setStatus(e.target.value as TriageStatus | "")}
            className={INPUT}
          >
            <option value="">(unchanged)</option>
            {TRIAGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.replace("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs">
          Reason
          <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} className={INPUT} />
        </label>
      </div>
      <label className="flex flex-col text-xs">
        Note
        <textarea name="note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} className={INPUT} />
      </label>
      <div className="flex gap-2">
        <Button type="submit" disabled={triage.isPending || (!status && !note.trim())}>
          Save
        </Button>
        <Button
          variant="secondary"
          disabled={triage.isPending}
          onClick={() => triage.mutate({ assignee: assignee === me ? null : me })}
        >
          {assignee === me ? "Unassign me" : "Assign to me"}
        </Button>
      </div>
      {triage.isError ? <p role="alert">{triage.error.message}</p> : null}
    </form>
  );
}
