"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useBulkDecisionMutation, useReviewsQuery } from "@/components/hooks/queries/use-reviews-query";
import { Button } from "@/components/ui/button";
import { FIELD, Labelled } from "@/components/ui/field";
import { ROW, THEAD, TD as td, TH as th } from "@/components/ui/table";
import { REVIEW_STATUSES, REVIEW_WORKFLOWS, WORKFLOW_LABELS } from "@/lib/schemas/applications";

const age = (s: number) =>
  s < 3600
    ? `${Math.max(1, Math.round(s / 60))} min`
    : s < 86400
      ? `${Math.round(s / 3600)} h`
      : `${Math.round(s / 86400)} d`;

/** One filter of the queue: a labelled select over (value, label) options. */
function ParamSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly (readonly [string, string])[];
}) {
  return (
    <Labelled label={label}>
      <select className={FIELD} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/** Pending items from every workflow, soonest due first; filters live in the URL. */
export function ReviewQueueView() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { data, isError, error } = useReviewsQuery(params.toString());
  const bulk = useBulkDecisionMutation();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [comment, setComment] = useState("");
  const toggle = (id: string) => {
    const next = new Set(picked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };
  const decide = (decision: "approve" | "reject") =>
    bulk.mutate(
      { ids: [...picked], decision, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      { onSuccess: () => setPicked(new Set()) },
    );
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    router.push(`${pathname}?${next.toString()}`);
  };
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap gap-3">
        <ParamSelect
          label="Status"
          value={params.get("status") ?? "pending"}
          onChange={(v) => set("status", v)}
          options={REVIEW_STATUSES.map((st) => [st, st])}
        />
        <ParamSelect
          label="Workflow"
          value={params.get("workflow") ?? ""}
          onChange={(v) => set("workflow", v)}
          options={[["", "All"], ...REVIEW_WORKFLOWS.map((w): [string, string] => [w, WORKFLOW_LABELS[w]])]}
        />
        <ParamSelect
          label="Sort"
          value={params.get("sort") ?? "due"}
          onChange={(v) => set("sort", v)}
          options={[
            ["due", "SLA due"],
            ["age", "Oldest first"],
          ]}
        />
        <Link className="self-end text-sm text-sky-700 underline dark:text-sky-400" href="/apply">
          New application
        </Link>
        <label className="flex items-end gap-1 text-sm">
          <input
            type="checkbox"
            checked={params.get("mine") === "true"}
            onChange={(e) => set("mine", e.target.checked ? "true" : "")}
          />
          Claimed by me
        </label>
      </div>
      {picked.size > 0 ? (
        <div className="flex flex-wrap items-end gap-2 rounded border border-slate-200 p-2 dark:border-slate-800">
          <span className="text-sm">{picked.size} selected</span>
          <label className="flex flex-col text-xs">
            Comment (required to reject)
            <input name="bulk-comment" value={comment} onChange={(e) => setComment(e.target.value)} className={FIELD} />
          </label>
          <Button onClick={() => decide("approve")} disabled={bulk.isPending}>
            Approve selected
          </Button>
          <Button variant="danger" onClick={() => decide("reject")} disabled={bulk.isPending}>
            Reject selected
          </Button>
        </div>
      ) : null}
      {bulk.isError ? <p role="alert">{bulk.error.message}</p> : null}
      {bulk.data ? (
        <ul className="text-sm" aria-label="Bulk results">
          {bulk.data.results.map((r) => (
            <li key={r.id} className={r.ok ? "text-emerald-700" : "text-rose-600"}>
              {r.id}: {r.ok ? "done" : `${r.status} ${r.message}`}
            </li>
          ))}
        </ul>
      ) : null}
      {isError ? <p role="alert">{error.message}</p> : null}
      {!data ? (
        <p>Loading…</p>
      ) : (
        <table className="w-full text-sm">
          <thead className={THEAD}>
            <tr>
              <th className={th}>
                <span className="sr-only">Select</span>
              </th>
              <th className={th}>Item</th>
              <th className={th}>Why flagged</th>
              <th className={th}>Workflow</th>
              <th className={th}>Age</th>
              <th className={th}>SLA due</th>
              <th className={th}>Claimed by</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((r) => (
              <tr key={r.id} className={ROW}>
                <td className={td}>
                  {r.status === "pending" ? (
                    <input
                      type="checkbox"
                      aria-label={`Select ${r.title}`}
                      checked={picked.has(r.id)}
                      onChange={() => toggle(r.id)}
                    />
                  ) : null}
                </td>
                <td className={td}>
                  <Link
                    className="font-medium text-sky-700 hover:underline dark:text-sky-400"
                    href={`/reviews/${encodeURIComponent(r.id)}`}
                  >
                    {r.title}
                  </Link>
                </td>
                <td className={td}>{r.reasons.map((x) => x.message).join(" · ")}</td>
                <td className={td}>{r.workflow}</td>
                <td className={td}>{age(r.ageSeconds)}</td>
                <td className={`${td} ${r.overdue ? "font-semibold text-rose-600" : ""}`}>
                  {new Date(r.dueAt).toLocaleString()}
                  {r.overdue ? " (overdue)" : ""}
                </td>
                <td className={td}>{r.claimedBy ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.items.length === 0 ? <p className="text-sm">Nothing here.</p> : null}
    </div>
  );
}
