"use client";

import Link from "next/link";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { useIncidentsQuery, useSampleFindingsMutation } from "@/components/hooks/queries/use-incidents-query";
import { useUrlState } from "@/components/hooks/use-url-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FIELD, Labelled } from "@/components/ui/field";
import { ROW, TD, TH, THEAD } from "@/components/ui/table";
import { INCIDENT_STATUSES, type IncidentSummary } from "@/lib/schemas/incidents";
import { SimulatedBadge, StatusPill } from "./incident-badges";

/** Columns a phone leaves out: the resource moves under the title, the counts and dates wait for a wider screen. */
const WIDE = "hidden sm:table-cell";

function IncidentRow({ incident: i }: { incident: IncidentSummary }) {
  const resource = (
    <>
      <code className="text-xs break-all">{i.resourceId ?? i.resourceType}</code>{" "}
      {i.simulated ? <SimulatedBadge /> : null}
    </>
  );
  return (
    <tr className={`${ROW} align-top`}>
      <td className={TD}>
        <SeverityBadge severity={i.severity} />
      </td>
      <td className={`${TD} break-words`}>
        <Link
          href={`/incidents/${encodeURIComponent(i.id)}`}
          className="text-sky-700 hover:underline dark:text-sky-400"
        >
          {i.title}
        </Link>
        <div className="text-xs break-all text-slate-600 dark:text-slate-400">{i.findingType}</div>
        <div className="sm:hidden">{resource}</div>
      </td>
      <td className={`${TD} ${WIDE}`}>{resource}</td>
      <td className={TD}>
        <StatusPill status={i.status} />
      </td>
      <td className={`${TD} ${WIDE}`}>{i.findingCount}</td>
      <td className={`${TD} ${WIDE}`}>{new Date(i.createdAt).toLocaleString()}</td>
    </tr>
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
        <table className="w-full table-fixed text-sm" aria-label="Incidents">
          <thead className={THEAD}>
            <tr>
              <th className={`${TH} w-20`}>Severity</th>
              <th className={TH}>Incident</th>
              <th className={`${TH} ${WIDE} w-56`}>Resource</th>
              <th className={`${TH} w-28`}>Status</th>
              <th className={`${TH} ${WIDE} w-20`}>Findings</th>
              <th className={`${TH} ${WIDE} w-44`}>Opened</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((i) => (
              <IncidentRow key={i.id} incident={i} />
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
