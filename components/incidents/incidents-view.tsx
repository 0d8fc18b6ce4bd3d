"use client";

import Link from "next/link";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { useIncidentsQuery, useSampleFindingsMutation } from "@/components/hooks/queries/use-incidents-query";
import { useUrlState } from "@/components/hooks/use-url-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FIELD, Labelled } from "@/components/ui/field";
import { ROW, TableHead, TD } from "@/components/ui/table";
import { INCIDENT_STATUSES } from "@/lib/schemas/incidents";
import { SimulatedBadge, StatusPill } from "./incident-badges";

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
