import Link from "next/link";
import { ROW, TH, THEAD, TD as td } from "@/components/ui/table";
import type { ActivityEvent } from "@/lib/schemas/activity";
import { guessEntityKind } from "@/lib/schemas/entities";
import { entityHref, principalHref } from "./entity-links";

const LINK = "text-sky-700 hover:underline dark:text-sky-400";
const SOURCE_LABELS: Record<ActivityEvent["source"], string> = {
  cloudtrail: "CloudTrail",
  vpcflow: "VPC Flow",
  finding: "Finding",
};

function Who({ e }: { e: ActivityEvent }) {
  // A VPC flow's "principal" is its network interface, not an identity to pivot to.
  if (!e.principal) return null;
  return e.source === "vpcflow" ? (
    <span className="break-all">{e.principal}</span>
  ) : (
    <Link className={`${LINK} break-all`} href={principalHref(e.principal)}>
      {e.principal}
    </Link>
  );
}

/** An address pivots to its page; CloudTrail's service names (`glue.amazonaws.com`) stay text. */
function Address({ ip }: { ip: string | null }) {
  if (!ip) return null;
  if (guessEntityKind(ip) !== "ip") return <span className="break-all">{ip}</span>;
  return (
    <Link className={`${LINK} break-all`} href={entityHref("ip", ip)}>
      {ip}
    </Link>
  );
}

/** Events from CloudTrail, VPC Flow Logs and findings on one time axis; narrow screens stack the columns. */
export function TimelineTable({ events }: { events: ActivityEvent[] }) {
  if (events.length === 0) return <p className="text-sm">Nothing in this window.</p>;
  return (
    <table className="w-full text-sm" aria-label="Timeline">
      <thead className={THEAD}>
        <tr>
          <th className={TH}>Time</th>
          <th className={`${TH} hidden sm:table-cell`}>Source</th>
          <th className={TH}>What</th>
          <th className={`${TH} hidden md:table-cell`}>Who</th>
          <th className={`${TH} hidden md:table-cell`}>Source IP</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e, i) => (
          <tr key={`${e.source}-${e.eventId ?? i}-${e.time}`} className={`${ROW} align-top`}>
            <td className={`${td} md:whitespace-nowrap`}>{new Date(e.time).toLocaleString()}</td>
            <td className={`${td} hidden sm:table-cell`}>
              <span className="rounded bg-slate-100 px-1.5 text-xs dark:bg-slate-800">{SOURCE_LABELS[e.source]}</span>
            </td>
            <td className={`${td} wrap-anywhere`}>
              {e.source === "finding" && e.eventId ? (
                <Link className={LINK} href={`/findings/${encodeURIComponent(e.eventId)}`}>
                  {e.summary}
                </Link>
              ) : (
                e.summary
              )}
              {e.errorCode ? <span className="ml-2 text-rose-700 dark:text-rose-400">{e.errorCode}</span> : null}
              <div className="mt-0.5 flex flex-col text-xs md:hidden">
                <Who e={e} />
                <Address ip={e.sourceIp} />
              </div>
            </td>
            <td className={`${td} hidden max-w-64 md:table-cell`}>
              <Who e={e} />
            </td>
            <td className={`${td} hidden md:table-cell`}>
              <Address ip={e.sourceIp} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
