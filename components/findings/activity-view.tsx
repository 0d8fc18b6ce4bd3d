"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useActivityQuery } from "@/components/hooks/queries/use-findings-query";
import { Button } from "@/components/ui/button";
import { ROW, TD as td } from "@/components/ui/table";
import { QueryStatsBar } from "./query-stats-bar";

const FIELDS = [
  ["principal", "Principal"],
  ["eventName", "Event name"],
  ["eventSource", "Event source"],
  ["sourceIp", "Source IP"],
  ["errorCode", "Error code"],
  ["region", "Region"],
] as const;

export function ActivityView() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { data, isError, error } = useActivityQuery(params.toString());
  const [draft, setDraft] = useState(() =>
    Object.fromEntries([...FIELDS.map(([k]) => k), "from", "to"].map((k) => [k, params.get(k)?.slice(0, 10) ?? ""])),
  );
  const [open, setOpen] = useState<string | null>(null);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k] of FIELDS) if (draft[k]?.trim()) next.set(k, draft[k].trim());
    for (const k of ["from", "to"]) if (draft[k]) next.set(k, draft[k] ?? "");
    router.push(`${pathname}?${next.toString()}`);
  };

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={apply} className="flex flex-wrap items-end gap-2" aria-label="Activity filters">
        {FIELDS.map(([k, label]) => (
          <label key={k} className="flex flex-col text-xs">
            {label}
            <input
              name={k}
              value={draft[k] ?? ""}
              onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
              className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
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
              className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
            />
          </label>
        ))}
        <Button type="submit">Search</Button>
      </form>
      {isError ? <p role="alert">{error.message}</p> : null}
      {!data ? (
        <p>Loading…</p>
      ) : (
        <>
          <QueryStatsBar stats={data.stats} />
          <div className="grid gap-4 md:grid-cols-2">
            {(
              [
                ["Top callers", data.topCallers],
                ["Top denied calls", data.topDenied],
              ] as const
            ).map(([title, list]) => (
              <section key={title}>
                <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
                <ol className="text-sm">
                  {list.map((f) => (
                    <li key={f.value} className="truncate">
                      {f.value} <span className="text-slate-500">({f.count.toLocaleString()})</span>
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </div>
          <table className="w-full text-sm">
            <tbody>
              {data.items.map((e, i) => {
                const key = `${e.eventId ?? i}-${e.time}`;
                return (
                  <tr key={key} className={`${ROW} align-top`}>
                    <td className={`${td} whitespace-nowrap`}>{new Date(e.time).toLocaleString()}</td>
                    <td className={td}>
                      <button
                        type="button"
                        className="text-left hover:underline"
                        onClick={() => setOpen(open === key ? null : key)}
                      >
                        {e.eventSource} <strong>{e.eventName}</strong>
                      </button>
                      {e.errorCode ? <span className="ml-2 text-rose-600">{e.errorCode}</span> : null}
                      {open === key ? (
                        <pre className="mt-1 max-w-3xl overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
                          {JSON.stringify(
                            { requestParameters: e.requestParameters, responseElements: e.responseElements },
                            null,
                            2,
                          )}
                        </pre>
                      ) : null}
                    </td>
                    <td className={`${td} max-w-72 truncate`}>{e.principal}</td>
                    <td className={td}>{e.sourceIp}</td>
                    <td className={td}>{e.region}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {data.items.length === 0 ? <p className="text-sm">No events match.</p> : null}
        </>
      )}
    </div>
  );
}
