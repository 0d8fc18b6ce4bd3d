"use client";

import { useIncidentQuery } from "@/components/hooks/queries/use-incidents-query";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Section } from "@/components/ui/section";
import { IncidentHeader, PendingReviewsNotice } from "./incident-header";
import { IncidentTimeline } from "./incident-timeline";
import { ReleaseForm } from "./release-form";

export function IncidentDetailView({ id }: { id: string }) {
  const { data, isError, error } = useIncidentQuery(id);
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  return (
    <div className="flex flex-col gap-6">
      <IncidentHeader incident={data.incident} />
      <PendingReviewsNotice reviews={data.pendingReviews} />
      <Section title="Proposed actions">
        {data.proposed.length ? (
          <ul className="list-disc pl-5 text-sm">
            {data.proposed.map((a) => (
              <li key={`${a.action}-${a.target}`}>
                <strong>{a.action}</strong> <code>{a.target}</code> — {a.detail}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">{String(data.enrichment?.reason ?? "None yet.")}</p>
        )}
      </Section>
      <Section title="Timeline">
        <IncidentTimeline incidentId={data.incident.id} data={data} />
      </Section>
      {data.canRelease ? (
        <Section title="Release from quarantine">
          <ReleaseForm id={id} />
        </Section>
      ) : null}
      {data.originalState ? (
        <Section title="Recorded original state">
          <ScrollArea as="pre" className="overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
            {JSON.stringify(data.originalState, null, 2)}
          </ScrollArea>
        </Section>
      ) : null}
      <Section title="Enrichment">
        <ScrollArea as="pre" className="max-h-96 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
          {JSON.stringify(data.enrichment, null, 2)}
        </ScrollArea>
      </Section>
    </div>
  );
}
