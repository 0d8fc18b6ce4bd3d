import type { ReactNode } from "react";
import { ScrollArea } from "@/components/ui/scroll-area";
import type { EventReportExplain } from "@/lib/schemas/event-report";

const ENGINES = { warehouse: "the warehouse (Postgres)", columnar: "the columnar copy (Parquet)" } as const;

/** One line saying which engine answered and how long it took, with the details and SQL behind a toggle. */
export function ReportExplain({ explain: x, children }: { explain: EventReportExplain; children?: ReactNode }) {
  return (
    <details className="rounded border border-slate-200 p-3 text-sm dark:border-slate-800">
      <summary className="cursor-pointer" data-testid="report-engine">
        Answered from {ENGINES[x.path]} in {x.ms.toLocaleString()} ms
      </summary>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt>Why</dt>
        <dd className="min-w-0 break-words">{x.reason}</dd>
        <dt>Events read</dt>
        <dd className="min-w-0 break-words">
          {x.scanned.from} → {x.scanned.to} (UTC)
        </dd>
      </dl>
      {children}
      <ScrollArea as="pre" className="mt-2 max-h-80 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
        {`${x.sql}\n-- parameters: ${JSON.stringify(x.params)}`}
      </ScrollArea>
    </details>
  );
}

/** The shared look of a refused or failed report. */
export function ReportError({ message }: { message: string }) {
  return (
    <p
      role="alert"
      className="rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
    >
      {message}
    </p>
  );
}

/** A share 0–1 as a percentage people read: "42%", "3.5%". */
export const formatShare = (share: number) => {
  const pct = share * 100;
  return `${pct > 0 && pct < 10 ? pct.toFixed(1) : Math.round(pct)}%`;
};
