import Link from "next/link";
import type { ReactNode } from "react";
import { formatWhen } from "@/components/ui/format";
import type { EntitySummary } from "@/lib/schemas/activity";
import type { Facet } from "@/lib/schemas/lake-view";
import { SeverityBadge } from "./severity-badge";

const MUTED = "text-slate-600 dark:text-slate-400";
const LINK = "text-sky-700 hover:underline dark:text-sky-400";
const count = (n: number, noun: string) => `${n.toLocaleString()} ${noun}${n === 1 ? "" : "s"}`;

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <h3 id={id} className="mb-1 font-semibold">
        {title}
      </h3>
      <div className="text-sm">{children}</div>
    </section>
  );
}

function Counts({ list, empty }: { list: Facet[]; empty: string }) {
  if (list.length === 0) return <p className={MUTED}>{empty}</p>;
  return (
    <ul>
      {list.map((f) => (
        <li key={f.value} className="break-words">
          {f.value} <span className={MUTED}>({f.count.toLocaleString()})</span>
        </li>
      ))}
    </ul>
  );
}

function RelatedFindings({ s }: { s: EntitySummary }) {
  if (s.counts.finding === 0) return <p className={MUTED}>No finding names it in this window.</p>;
  return (
    <>
      <ul className="mb-2 flex flex-wrap gap-2" aria-label="Findings by severity">
        {s.findingsBySeverity.map((x) => (
          <li key={x.severity} className="flex items-center gap-1">
            <SeverityBadge severity={x.severity} /> {x.count.toLocaleString()}
          </li>
        ))}
      </ul>
      <ul className="flex flex-col gap-1">
        {s.topFindings.map((f) => (
          <li key={f.findingId} className="flex min-w-0 items-start gap-2">
            <SeverityBadge severity={f.severity} />
            <Link className={`${LINK} min-w-0 break-words`} href={`/findings/${encodeURIComponent(f.findingId)}`}>
              {f.title}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function TopCalls({ s }: { s: EntitySummary }) {
  if (s.topCalls.length === 0) return <p className={MUTED}>No CloudTrail calls in this window.</p>;
  return (
    <table className="w-full text-sm" aria-label="Top API calls">
      <thead>
        <tr className={`text-left text-xs ${MUTED}`}>
          <th className="py-1 pr-2 font-medium">Call</th>
          <th className="py-1 pr-2 text-right font-medium">Calls</th>
          <th className="py-1 text-right font-medium">Failed</th>
        </tr>
      </thead>
      <tbody>
        {s.topCalls.map((c) => (
          <tr key={`${c.eventSource} ${c.eventName}`} className="align-top">
            <td className="break-all py-0.5 pr-2">
              <span className={MUTED}>{c.eventSource.replace(/\.amazonaws\.com$/, "")}</span> {c.eventName}
            </td>
            <td className="py-0.5 pr-2 text-right">{c.count.toLocaleString()}</td>
            <td className={`py-0.5 text-right ${c.errors ? "text-rose-700 dark:text-rose-400" : MUTED}`}>
              {c.errors.toLocaleString()}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The entity page's first answer: when it was seen, what fired about it, where, and what it called. */
export function EntitySummaryCards({ s, aws }: { s: EntitySummary; aws?: ReactNode }) {
  return (
    <div className="grid items-start gap-3 md:grid-cols-2 xl:grid-cols-3" data-testid="entity-summary">
      <Card id="seen-h" title="Seen">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3">
          <dt className={MUTED}>First</dt>
          <dd data-testid="first-seen">{formatWhen(s.firstSeen)}</dd>
          <dt className={MUTED}>Last</dt>
          <dd data-testid="last-seen">{formatWhen(s.lastSeen)}</dd>
        </dl>
        <p className={`mt-1 ${MUTED}`}>
          {count(s.counts.cloudtrail, "CloudTrail event")} · {count(s.counts.vpcflow, "VPC flow")} ·{" "}
          {count(s.counts.finding, "finding")}
        </p>
      </Card>
      {aws}
      <Card id="related-h" title="Related findings">
        <RelatedFindings s={s} />
      </Card>
      <Card id="where-h" title="Accounts and regions">
        <div className="grid grid-cols-2 gap-3">
          <Counts list={s.accounts} empty="No account recorded" />
          <Counts list={s.regions} empty="No region recorded" />
        </div>
      </Card>
      <Card id="calls-h" title="Top API calls">
        <TopCalls s={s} />
      </Card>
    </div>
  );
}
