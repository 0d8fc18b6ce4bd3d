"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { REVERSED_RANGE } from "@/lib/schemas/search-problems";

const FIELDS = [
  ["principal", "Principal"],
  ["eventName", "Event name"],
  ["eventSource", "Event source"],
  ["sourceIp", "Source IP"],
  ["errorCode", "Error code"],
  ["region", "Region"],
] as const;
const DATES = [
  ["from", "From"],
  ["to", "To"],
] as const;

const INPUT =
  "w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/** The URL's value for a field: text filters whole, dates as the yyyy-mm-dd a date input holds. */
const initial = (params: URLSearchParams, key: string) => {
  const v = params.get(key) ?? "";
  return key === "from" || key === "to" ? v.slice(0, 10) : v;
};

/** The search applies on submit and replaces the whole query (a new search starts on the first page). */
export function ActivityFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [draft, setDraft] = useState(() =>
    Object.fromEntries([...FIELDS, ...DATES].map(([k]) => [k, initial(params, k)])),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setProblem(`${REVERSED_RANGE}.`);
      return;
    }
    setProblem(null);
    const next = new URLSearchParams();
    for (const [k] of FIELDS) if (draft[k]?.trim()) next.set(k, draft[k].trim());
    for (const [k] of DATES) if (draft[k]) next.set(k, draft[k] ?? "");
    router.push(`${pathname}?${next.toString()}`);
  };
  return (
    <form
      onSubmit={apply}
      className="grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap"
      aria-label="Activity filters"
      noValidate
    >
      {[...FIELDS, ...DATES].map(([k, label]) => (
        <label key={k} className="flex min-w-0 flex-col text-xs sm:w-44">
          {label}
          <input
            type={k === "from" || k === "to" ? "date" : "text"}
            name={k}
            value={draft[k] ?? ""}
            onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
            className={INPUT}
          />
        </label>
      ))}
      <Button type="submit">Search</Button>
      {problem ? (
        <p role="alert" className="col-span-2 text-sm text-rose-700 dark:text-rose-400 sm:basis-full">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
