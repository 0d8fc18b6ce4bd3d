import Link from "next/link";
import { ROW, TD as td } from "@/components/ui/table";
import type { ActivityEvent } from "@/lib/schemas/activity";

const ipLink = (ip: string) => `/entities?kind=ip&value=${encodeURIComponent(ip)}`;

/** Events from CloudTrail, VPC Flow Logs and findings on one time axis; on a phone each row wraps onto two lines. */
export function TimelineTable({ events }: { events: ActivityEvent[] }) {
  if (events.length === 0) return <p className="text-sm">Nothing in this window.</p>;
  return (
    <table className="block w-full text-sm sm:table">
      <tbody className="block sm:table-row-group">
        {events.map((e, i) => (
          <tr
            key={`${e.source}-${e.eventId ?? i}-${e.time}`}
            className={`${ROW} flex flex-wrap items-baseline py-1 sm:table-row sm:py-0`}
          >
            <td className={`${td} whitespace-nowrap`}>{new Date(e.time).toLocaleString()}</td>
            <td className={td}>
              <span className="rounded bg-slate-100 px-1.5 text-xs dark:bg-slate-800">{e.source}</span>
            </td>
            <td className={`${td} order-last basis-full [overflow-wrap:anywhere] sm:order-none`}>
              {e.source === "finding" && e.eventId ? (
                <Link
                  className="text-sky-700 hover:underline dark:text-sky-400"
                  href={`/findings/${encodeURIComponent(e.eventId)}`}
                >
                  {e.summary}
                </Link>
              ) : (
                e.summary
              )}
              {e.errorCode ? <span className="ml-2 text-rose-600">{e.errorCode}</span> : null}
            </td>
            <td className={`${td} hidden max-w-64 truncate sm:table-cell`}>{e.principal ?? ""}</td>
            <td className={td}>
              {e.sourceIp ? (
                <Link className="hover:underline" href={ipLink(e.sourceIp)}>
                  {e.sourceIp}
                </Link>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
