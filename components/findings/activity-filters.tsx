"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";

const FIELDS = [
  ["principal", "Principal"],
  ["eventName", "Event name"],
  ["eventSource", "Event source"],
  ["sourceIp", "Source IP"],
  ["errorCode", "Error code"],
  ["region", "Region"],
] as const;

const INPUT = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/** The search applies on submit and replaces the whole query (a new search starts on the first page). */
export function ActivityFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [draft, setDraft] = useState(() =>
    Object.fromEntries([...FIELDS.map(([k]) => k), "from", "to"].map((k) => [k, params.get(k)?.slice(0, 10) ?? ""])),
  );
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k] of FIELDS) if (draft[k]?.trim()) next.set(k, draft[k].trim());
    for (const k of ["from", "to"]) if (draft[k]) next.set(k, draft[k] ?? "");
    router.push(`${pathname}?${next.toString()}`);
  };
  return (
    <form onSubmit={apply} className="flex flex-wrap items-end gap-2" aria-label="Activity filters">
      {FIELDS.map(([k, label]) => (
        <label key={k} className="flex flex-col text-xs">
          {label}
          <input
            name={k}
            value={draft[k] ?? ""}
            onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
            className={INPUT}
          />
        </label>
      ))}
      {(["from", "to"] as const).map((k) => (
        <label key={k} className="flex flex-col text-xs">
          {k === "from" ? "From" : "To"}
          <input
            type="date"
            name={k}
            value={draft[k] ?? ""}
            onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
            className={INPUT}
          />
        </label>
      ))}
      <Button type="submit">Search</Button>
    </form>
  );
}
