"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { Fragment, useState } from "react";
import { ROW, TH, THEAD, TD as td } from "@/components/ui/table";
import type { ActivityPage, ActivityRow } from "@/lib/schemas/activity";
import { guessEntityKind } from "@/lib/schemas/entities";
import { ActivityRecord } from "./activity-record";
import { entityHref, principalHref, withFilter } from "./entity-links";

const LINK = "text-sky-700 underline-offset-2 hover:underline dark:text-sky-400";
const MUTED = "text-slate-600 dark:text-slate-400";

/** The busiest callers and the most denied calls in the current result; a caller narrows the search to it. */
export function ActivityTopLists({ data }: { data: ActivityPage }) {
  const params = useSearchParams();
  if (data.topCallers.length === 0 && data.topDenied.length === 0) return null;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section aria-labelledby="top-callers" className="min-w-0">
        <h3 id="top-callers" className={`mb-1 text-xs font-semibold uppercase tracking-wide ${MUTED}`}>
          Top callers
        </h3>
        <ol className="text-sm">
          {data.topCallers.map((f) => (
            <li key={f.value} className="flex min-w-0 gap-1">
              {f.value === "unknown" ? (
                <span className={MUTED}>No principal recorded</span>
              ) : (
                <Link
                  className={`${LINK} min-w-0 truncate`}
                  href={withFilter(params, "principal", f.value)}
                  title={`Only ${f.value}`}
                >
                  {f.value}
                </Link>
              )}
              <span className={`shrink-0 ${MUTED}`}>({f.count.toLocaleString()})</span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="top-denied" className="min-w-0">
        <h3 id="top-denied" className={`mb-1 text-xs font-semibold uppercase tracking-wide ${MUTED}`}>
          Top denied calls
        </h3>
        {data.topDenied.length === 0 ? (
          <p className={`text-sm ${MUTED}`}>No call was denied in this result.</p>
        ) : (
          <ol className="text-sm">
            {data.topDenied.map((f) => (
              <li key={f.value} className="break-words">
                {f.value} <span className={MUTED}>({f.count.toLocaleString()})</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function Principal({ e }: { e: ActivityRow }) {
  return e.principal ? (
    <Link className={`${LINK} break-all`} href={principalHref(e.principal)}>
      {e.principal}
    </Link>
  ) : (
    <span className={MUTED}>—</span>
  );
}

/** CloudTrail's source address is an IP, or the name of the AWS service that called (not an entity). */
function SourceIp({ e }: { e: ActivityRow }) {
  if (e.sourceIp && guessEntityKind(e.sourceIp) !== "ip") return <span className="break-all">{e.sourceIp}</span>;
  return e.sourceIp ? (
    <Link className={`${LINK} break-all`} href={entityHref("ip", e.sourceIp)}>
      {e.sourceIp}
    </Link>
  ) : (
    <span className={MUTED}>—</span>
  );
}

function ActivityEventRow({ e, open, onToggle }: { e: ActivityRow; open: boolean; onToggle: () => void }) {
  const when = new Date(e.time);
  return (
    <tr className={`${ROW} align-top`}>
      <td className={`${td} sm:whitespace-nowrap`}>
        <span className="block sm:inline">{when.toLocaleDateString()}</span>{" "}
        <span className={`block sm:inline ${MUTED}`}>{when.toLocaleTimeString()}</span>
      </td>
      <td className={`${td} wrap-anywhere`}>
        <button type="button" className="text-left hover:underline" onClick={onToggle} aria-expanded={open}>
          <span className={MUTED}>{e.eventSource}</span> <strong>{e.eventName}</strong>
        </button>
        {e.errorCode ? <span className="ml-2 text-rose-700 dark:text-rose-400">{e.errorCode}</span> : null}
        <div className="mt-1 flex flex-col gap-0.5 text-xs md:hidden">
          <Principal e={e} />
          <span className="sm:hidden">
            <SourceIp e={e} />
          </span>
        </div>
      </td>
      <td className={`${td} hidden max-w-72 md:table-cell`}>
        <Principal e={e} />
      </td>
      <td className={`${td} hidden sm:table-cell`}>
        <SourceIp e={e} />
      </td>
      <td className={`${td} hidden lg:table-cell`}>{e.region ?? "—"}</td>
    </tr>
  );
}

/** CloudTrail events under column headers; one at a time opens onto its full record. */
export function ActivityTable({ items }: { items: ActivityRow[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <table className="w-full text-sm" aria-label="Events">
      <thead className={THEAD}>
        <tr>
          <th className={TH}>Time</th>
          <th className={TH}>Event</th>
          <th className={`${TH} hidden md:table-cell`}>Principal</th>
          <th className={`${TH} hidden sm:table-cell`}>Source IP</th>
          <th className={`${TH} hidden lg:table-cell`}>Region</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e, i) => {
          const key = `${e.eventId ?? i}-${e.time}`;
          return (
            <Fragment key={key}>
              <ActivityEventRow e={e} open={open === key} onToggle={() => setOpen(open === key ? null : key)} />
              {open === key ? (
                <tr className={ROW}>
                  <td colSpan={5} className="px-2">
                    <ActivityRecord e={e} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
