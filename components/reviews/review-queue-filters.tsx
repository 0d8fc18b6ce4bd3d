"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { FIELD, Labelled } from "@/components/ui/field";
import {
  GROUP_LABELS,
  REVIEW_GROUPS,
  REVIEW_STATUSES,
  REVIEW_WORKFLOWS,
  WORKFLOW_LABELS,
} from "@/lib/schemas/applications";

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

const SORTS = [
  ["due", "Due soonest"],
  ["priority", "Highest priority"],
  ["age", "Oldest first"],
  ["decided", "Latest decided"],
] as const;

/** Each filter change pushes a new URL: the queue's filters live there. */
export function ReviewQueueFilters({ assignees, me }: { assignees: string[]; me: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k === "assignee") next.delete("mine");
    router.push(`${pathname}?${next.toString()}`);
  };
  const others = assignees.filter((a) => a !== me);
  return (
    <div className="flex flex-wrap gap-3">
      <ParamSelect
        label="Status"
        value={params.get("status") ?? "pending"}
        onChange={(v) => set("status", v)}
        options={REVIEW_STATUSES.map((st) => [st, st])}
      />
      <ParamSelect
        label="Assignee"
        value={params.get("mine") === "true" ? "me" : (params.get("assignee") ?? "")}
        onChange={(v) => set("assignee", v)}
        options={[
          ["", "Anyone"],
          ["me", "Me"],
          ["none", "Not claimed"],
          ...others.map((a): [string, string] => [a, a]),
        ]}
      />
      <ParamSelect
        label="Candidate group"
        value={params.get("group") ?? ""}
        onChange={(v) => set("group", v)}
        options={[["", "All"], ...REVIEW_GROUPS.map((g): [string, string] => [g, GROUP_LABELS[g]])]}
      />
      <ParamSelect
        label="Workflow"
        value={params.get("workflow") ?? ""}
        onChange={(v) => set("workflow", v)}
        options={[["", "All"], ...REVIEW_WORKFLOWS.map((w): [string, string] => [w, WORKFLOW_LABELS[w]])]}
      />
      <ParamSelect label="Sort" value={params.get("sort") ?? "due"} onChange={(v) => set("sort", v)} options={SORTS} />
      <Link className="self-end text-sm text-sky-700 underline dark:text-sky-400" href="/apply">
        New application
      </Link>
    </div>
  );
}
