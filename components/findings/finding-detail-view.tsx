"use client";

import { FindingDetectionPanel } from "@/components/detections/finding-detection";
import { useFindingQuery } from "@/components/hooks/queries/use-findings-query";
import { ScrollArea } from "@/components/ui/scroll-area";
import { FindingEntities } from "./finding-entities";
import { FindingHeader } from "./finding-header";
import { FindingHistory } from "./finding-history";
import { TimelineTable } from "./timeline-table";
import { TriageForm } from "./triage-form";

export function FindingDetailView({ id, me }: { id: string; me: string }) {
  const { data, isError, error } = useFindingQuery(id);
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  const f = data.finding;
  return (
    <div className="flex flex-col gap-6">
      <FindingHeader data={data} />
      {f.description ? <p>{f.description}</p> : null}
      {f.explanation ? (
        <section className="rounded border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-900 dark:bg-sky-950">
          <h3 className="font-semibold">Why this fired</h3>
          <p>{f.explanation}</p>
          {f.matchedEventIds.length ? (
            <p className="mt-1 text-xs [overflow-wrap:anywhere]">Matching events: {f.matchedEventIds.join(", ")}</p>
          ) : null}
        </section>
      ) : null}
      {data.detection ? <FindingDetectionPanel d={data.detection} principal={f.principal} /> : null}
      <FindingEntities indicators={f.indicators} />
      <TriageForm id={id} assignee={f.assignee} me={me} />
      <FindingHistory notes={data.notes} history={data.history} />
      <section aria-labelledby="rel-h">
        <h3 id="rel-h" className="mb-1 font-semibold">
          Related activity (±6 h, same entities)
        </h3>
        <TimelineTable events={data.related} />
      </section>
      <details>
        <summary className="cursor-pointer font-semibold">Raw</summary>
        <ScrollArea as="pre" className="mt-2 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
          {JSON.stringify({ ...f.raw, detail: f.detail }, null, 2)}
        </ScrollArea>
      </details>
    </div>
  );
}
