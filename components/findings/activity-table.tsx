"use client";

import { useState } from "react";
import { ROW, TD as td } from "@/components/ui/table";
import type { ActivityPage, ActivityRow } from "@/lib/schemas/activity";

/** The busiest callers and the most denied calls in the current result. */
export function ActivityTopLists({ data }: { data: ActivityPage }) {
  return (
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
  );
}

function ActivityEventRow({ e, open, onToggle }: { e: ActivityRow; open: boolean; onToggle: () => void }) {
  return (
    <tr className={`${ROW} align-top`}>
      <td className={`${td} whitespace-nowrap`}>{new Date(e.time).toLocaleString()}</td>
      <td className={td}>
        <button type="button" className="text-left hover:underline" onClick={onToggle}>
          {e.eventSource} <strong>{e.eventName}</strong>
        </button>
        {e.errorCode ? <span className="ml-2 text-rose-600">{e.errorCode}</span> : null}
        {open ? (
          <pre className="mt-1 max-w-3xl overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
            {JSON.stringify({ requestParameters: e.requestParameters, responseElements: e.responseElements }, null, 2)}
          </pre>
        ) : null}
      </td>
      <td className={`${td} max-w-72 truncate`}>{e.principal}</td>
      <td className={td}>{e.sourceIp}</td>
      <td className={td}>{e.region}</td>
    </tr>
  );
}

/** CloudTrail events; one at a time opens to show its request and response. */
export function ActivityTable({ items }: { items: ActivityRow[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <table className="w-full text-sm">
      <tbody>
        {items.map((e, i) => {
          const key = `${e.eventId ?? i}-${e.time}`;
          return (
            <ActivityEventRow key={key} e={e} open={open === key} onToggle={() => setOpen(open === key ? null : key)} />
          );
        })}
      </tbody>
    </table>
  );
}
