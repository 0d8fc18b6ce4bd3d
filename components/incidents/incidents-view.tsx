"use client";

import Link from "next/link";
import { SeverityBadge } from "@/components/findings/findings-view";
import { useIncidentsQuery, useSampleFindingsMutation } from "@/components/hooks/queries/use-incidents-query";
import { useUrlState } from "@/components/hooks/use-url-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FIELD, Labelled } from "@/components/ui/field";
import { ROW, TableHead, TD } from "@/components/ui/table";
import { INCIDENT_STATUSES } from "@/lib/schemas/incidents";

export const STATUS_STYLE: Record<string, string> = {
  awaiting_approval: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100",
  containing: "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-100",
  releasing: "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-100",
  contained: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100",
  released: "bg-slate-200 text-slate-900 dark:bg-slate-800 dark:text-slate-100",
  failed: "bg-rose-100 text-rose-900 dark:bg-rose-900/40 dark:text-rose-100",
};

export function StatusPill({ status }: { status: string }) {
  return (
    <span
      data-testid="incident-status"
      className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status] ?? "bg-slate-100 dark:bg-slate-800"}`}
    >
      {status.replace(/_/g, " ")}
    </span>
  );
}

export function SimulatedBadge() {
  return (
    <span
      title="Local backend: actions run against the simulated EC2 estate in the database, not AWS"
      className="rounded border border-dashed border-violet-400 px-1.5 py-0.5 text-xs text-violet-700 dark:text-violet-300"
    >
      simulated
    </span>
  );
}

export function IncidentsView({ canGenerate }: { canGenerate: boolean }) {
  const [{ status }, setUrl] = useUrlState({ status: "" });
  const { data, isError, error } = useIncidentsQuery(status);
  const sample = useSampleFindingsMutation();
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <Labelled label="Status">
          <select className={FIELD} value={status} onChange={(e) => setUrl({ status: e.target.value })}>
            <option value="">All</option>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.replace(/_/g, " ")}
              </option>
            ))}
          </select>
        </Labelled>
        {canGenerate ? (
          <Button
            variant="secondary"
            disabled={sample.isPending}
            onClick={() => sample.mutate({ count: 1, severity: 8 })}
          >
            Generate sample finding
          </Button>
        ) : null}
        {sample.data ? (
          <p className="text-sm" role="status">
            Sample finding about <code data-testid="sample-resource">{sample.data.resourceId}</code> loaded through the
            lake ETL.
          </p>
        ) : null}
        {sample.isError ? <p role="alert">{sample.error.message}</p> : null}
      </div>
      {isError ? <p role="alert">{error.message}</p> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title="No incidents">
          High-severity GuardDuty findings (score 7 and above by default) open an incident with an approval step.
        </EmptyState>
      ) : null}
      {data?.items.length ? (
        <table className="w-full text-sm" aria-label="Incidents">
          <TableHead columns={["Severity", "Incident", "Resource", "Status", "Findings", "Opened"]} />
          <tbody>
            {data.items.map((i) => (
              <tr key={i.id} className={ROW}>
                <td className={TD}>
                  <SeverityBadge severity={i.severity} />
                </td>
                <td className={TD}>
                  <Link
                    href={`/incidents/${encodeURIComponent(i.id)}`}
                    className="text-sky-700 hover:underline dark:text-sky-400"
                  >
                    {i.title}
                  </Link>
                  <div className="text-xs text-slate-500">{i.findingType}</div>
                </td>
                <td className={TD}>
                  <code className="text-xs">{i.resourceId ?? i.resourceType}</code>{" "}
                  {i.simulated ? <SimulatedBadge /> : null}
                </td>
                <td className={TD}>
                  <StatusPill status={i.status} />
                </td>
                <td className={TD}>{i.findingCount}</td>
                <td className={TD}>{new Date(i.createdAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
