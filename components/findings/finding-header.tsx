import Link from "next/link";
import type { FindingDetail } from "@/lib/schemas/findings";
import { QueryStatsBar } from "./query-stats-bar";
import { SeverityBadge } from "./severity-badge";

function buildSuppressHref(f: FindingDetail["finding"]): string {
  return `/suppressions?${new URLSearchParams({ type: f.type, ...(f.resourceId ? { resource: f.resourceId } : {}) }).toString()}`;
}

/** Title, triage state, the incident the finding belongs to, and a way to suppress look-alikes. */
export function FindingHeader({ data }: { data: FindingDetail }) {
  const f = data.finding;
  return (
    <header className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <SeverityBadge severity={f.severity} />
        <span className="text-sm text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">{f.type}</span>
      </div>
      <h2 className="text-xl font-semibold [overflow-wrap:anywhere]">{f.title}</h2>
      <p className="text-sm">
        Status: <strong data-testid="finding-status">{f.status.replace("_", " ")}</strong>
        {f.reason ? ` (${f.reason})` : ""} · Assignee: {f.assignee ?? "nobody"} · First seen{" "}
        {new Date(f.firstSeen).toLocaleString()} · Last seen {new Date(f.lastSeen).toLocaleString()} · {f.count}×
      </p>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-sm [overflow-wrap:anywhere]">
        <dt className="text-slate-600 dark:text-slate-400">Resource</dt>
        <dd data-testid="finding-resource">
          {f.resourceId ?? "—"}
          {f.resourceType ? <span className="text-slate-600 dark:text-slate-400"> ({f.resourceType})</span> : null}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Principal</dt>
        <dd data-testid="finding-principal">{f.principal ?? "—"}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Account / region</dt>
        <dd>
          {f.accountId ?? "—"} · {f.region ?? "—"}
        </dd>
      </dl>
      {data.incident ? (
        <p className="text-sm">
          Incident:{" "}
          <Link
            href={`/incidents/${encodeURIComponent(data.incident.id)}`}
            className="text-sky-700 hover:underline dark:text-sky-400"
          >
            {data.incident.id}
          </Link>{" "}
          ({data.incident.status.replace(/_/g, " ")})
        </p>
      ) : null}
      <QueryStatsBar stats={data.stats} />
      <Link className="text-sm text-sky-700 underline dark:text-sky-400" href={buildSuppressHref(f)}>
        Suppress similar findings…
      </Link>
    </header>
  );
}
