"use client";

import { useIncidentQuery } from "@/components/hooks/queries/use-incidents-query";
import { JsonDetails } from "@/components/ui/json-details";
import { Section } from "@/components/ui/section";
import { IncidentHeader, PendingReviewsNotice } from "./incident-header";
import { IncidentTimeline } from "./incident-timeline";
import { OriginalState } from "./original-state";
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
          <ul className="list-disc pl-5 text-sm [overflow-wrap:anywhere]">
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
          <OriginalState state={data.originalState} />
        </Section>
      ) : null}
      <Section title="Enrichment">
        <JsonDetails summary="What was looked up about the resource (JSON)" value={data.enrichment} />
      </Section>
    </div>
  );
}
