"use client";

import { useState } from "react";
import { useBulkTriageMutation } from "@/components/hooks/queries/use-bulk-triage-mutation";
import { Button } from "@/components/ui/button";
import { FIELD } from "@/components/ui/field";
import { BulkTriageInput, TRIAGE_STATUSES, type TriageStatus } from "@/lib/schemas/triage";
import { STATUS_LABELS } from "./finding-labels";
import { describeProblems } from "./problem-text";

interface BulkChoice {
  status: TriageStatus | "";
  reason: string;
  assignee: "" | "me" | "nobody";
}
const NO_CHANGE: BulkChoice = { status: "", reason: "", assignee: "" };

function BulkFields({ choice, set }: { choice: BulkChoice; set: (c: BulkChoice) => void }) {
  return (
    <>
      <label className="flex flex-col text-xs">
        Status
        <select
          name="bulk-status"
          value={choice.status}
          onChange={(e) => set({ ...choice, status: e.target.value as BulkChoice["status"] })}
          className={FIELD}
        >
          <option value="">(unchanged)</option>
          {TRIAGE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs">
        Reason{choice.status === "suppressed" ? " (needed to suppress)" : ""}
        <input
          name="bulk-reason"
          value={choice.reason}
          onChange={(e) => set({ ...choice, reason: e.target.value })}
          className={FIELD}
        />
      </label>
      <label className="flex flex-col text-xs">
        Assignee
        <select
          name="bulk-assignee"
          value={choice.assignee}
          onChange={(e) => set({ ...choice, assignee: e.target.value as BulkChoice["assignee"] })}
          className={FIELD}
        >
          <option value="">(unchanged)</option>
          <option value="me">Me</option>
          <option value="nobody">Nobody</option>
        </select>
      </label>
    </>
  );
}

/** What the choice sends: only what was chosen; a reason goes with a status. */
const inputOf = (ids: string[], c: BulkChoice, me: string) =>
  BulkTriageInput.safeParse({
    ids,
    ...(c.status ? { status: c.status } : {}),
    ...(c.status && c.reason.trim() ? { reason: c.reason } : {}),
    ...(c.assignee ? { assignee: c.assignee === "me" ? me : null } : {}),
  });

/** One change for every selected row: a status (suppressing needs a reason) and/or who has them. */
export function FindingsBulkBar({ ids, me, onDone }: { ids: string[]; me: string; onDone: () => void }) {
  const bulk = useBulkTriageMutation();
  const [choice, setChoice] = useState(NO_CHANGE);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (ids.length === 0) return done ? <p role="status">{done}</p> : null;
  const apply = () => {
    const input = inputOf(ids, choice, me);
    setProblem(input.success ? null : describeProblems(input.error));
    if (!input.success) return;
    bulk.mutate(input.data, {
      onSuccess: (res) => {
        setDone(`Updated ${res.updated} ${res.updated === 1 ? "finding" : "findings"}.`);
        setChoice(NO_CHANGE);
        onDone();
      },
    });
  };
  const error = problem ?? (bulk.isError ? bulk.error.message : null);
  return (
    <section
      aria-label="Change the selected findings"
      className="sticky top-0 z-10 flex flex-wrap items-end gap-2 rounded border border-sky-300 bg-sky-50 p-2 text-sm dark:border-sky-800 dark:bg-slate-900"
    >
      <strong className="self-center" data-testid="selected-count">
        {ids.length} selected
      </strong>
      <BulkFields choice={choice} set={setChoice} />
      <Button onClick={apply} disabled={bulk.isPending}>
        Apply to {ids.length}
      </Button>
      <Button
        variant="secondary"
        onClick={() => {
          setDone(null);
          onDone();
        }}
      >
        Clear selection
      </Button>
      {error ? (
        <p role="alert" className="basis-full">
          {error}
        </p>
      ) : null}
    </section>
  );
}
