"use client";

import { useFunnelCorrelation } from "@/components/hooks/queries/use-paths-query";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/components/ui/format";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Section } from "@/components/ui/section";
import { ROW, TableHead, TD } from "@/components/ui/table";
import type { FunnelQueryInput } from "@/lib/schemas/funnel";
import type { CorrelationItem } from "@/lib/schemas/funnel-correlation";

/** "3.2× more likely to convert" / "2.1× less likely", from an odds ratio. */
export function describeOdds(ratio: number): string {
  return ratio >= 1
    ? `${ratio.toFixed(1)}× more likely to convert`
    : `${(1 / ratio).toFixed(1)}× less likely to convert`;
}

/** A bar as long as the ratio is strong (log scale, 16× fills it), green for converting, red for dropping out. */
function OddsBar({ ratio }: { ratio: number }) {
  const width = Math.min(100, (Math.abs(Math.log2(ratio)) / 4) * 100);
  const colour = ratio >= 1 ? "bg-emerald-600 dark:bg-emerald-500" : "bg-rose-600 dark:bg-rose-500";
  return (
    <div className="h-2 w-24 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
      <div className={`h-2 rounded ${colour}`} style={{ width: `${width}%` }} />
    </div>
  );
}

function CorrelationTable({ label, items }: { label: string; items: CorrelationItem[] }) {
  if (!items.length)
    return <p className="text-sm text-slate-600 dark:text-slate-400">No {label.toLowerCase()} stand out.</p>;
  return (
    <ScrollArea className="overflow-x-auto" aria-label={`${label} (scrolls sideways)`} role="region">
      <table className="w-full text-sm" aria-label={label}>
        <TableHead columns={[label, "Converted", "Did not convert", "Odds", ""]} />
        <tbody>
          {items.map((i) => (
            <tr key={`${i.name}=${i.value ?? ""}`} className={ROW}>
              <td className={`${TD} break-all`}>{i.value === null ? i.name : `${i.name} = ${i.value}`}</td>
              <td className={TD}>{formatCount(i.converters)}</td>
              <td className={TD}>{formatCount(i.nonConverters)}</td>
              <td className={`${TD} whitespace-nowrap`}>{describeOdds(i.oddsRatio)}</td>
              <td className={TD}>
                <OddsBar ratio={i.oddsRatio} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

/**
 * Which events and property values go with converting and which with dropping out of a funnel,
 * computed when asked for (it reads the raw events of the funnel's range).
 */
export function FunnelCorrelation({ query }: { query: FunnelQueryInput }) {
  const run = useFunnelCorrelation();
  const r = run.data;
  return (
    <Section
      title="What goes with converting"
      actions={
        <Button variant="secondary" onClick={() => run.mutate(query)} disabled={run.isPending}>
          {run.isPending ? "Working it out…" : r ? "Show correlation again" : "Show correlation"}
        </Button>
      }
    >
      {run.isError ? (
        <p role="alert" className="text-sm">
          {run.error.message}
        </p>
      ) : null}
      {r ? (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {formatCount(r.converters)} converted and {formatCount(r.nonConverters)} did not. Events and values fewer
            than {r.minUnits} of them had are left out; the funnel's own steps are not listed.
          </p>
          <CorrelationTable label="Events" items={r.events} />
          <CorrelationTable label="Properties" items={r.properties} />
        </div>
      ) : null}
    </Section>
  );
}
