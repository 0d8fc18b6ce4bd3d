import { CsvButton } from "@/components/ui/csv-button";
import { formatPercent } from "@/components/ui/format";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Section } from "@/components/ui/section";
import { ROW, TD, TH, THEAD } from "@/components/ui/table";
import type { FunnelResult } from "@/lib/schemas/funnel";

const NONE = "(none)";
/** Last step over first step of one breakdown value. */
const conversionOf = (counts: number[]) => formatPercent(counts[0] ? (counts.at(-1) ?? 0) / counts[0] : 0);

/** Whether the result was broken down at all (an unbroken result is one row without a value). */
export const hasBreakdown = (r: FunnelResult) => r.breakdown.length > 1 || r.breakdown[0]?.value !== null;

/** Units per step for each value of the breakdown field. */
export function FunnelBreakdownTable({ result: r }: { result: FunnelResult }) {
  const csvRows = r.breakdown.map((b) => [b.value ?? NONE, ...b.counts, conversionOf(b.counts)]);
  return (
    <Section
      title="Breakdown"
      actions={
        <CsvButton
          filename="funnel-breakdown.csv"
          header={["value", ...r.steps.map((s) => `step_${s.step}`), "conversion"]}
          rows={csvRows}
        />
      }
    >
      <ScrollArea className="overflow-x-auto">
        <table className="w-full whitespace-nowrap text-sm" aria-label="Funnel breakdown">
          <thead className={THEAD}>
            <tr>
              <th className={TH}>Value</th>
              {r.steps.map((s) => (
                <th key={s.step} className={TH}>
                  {s.step}. {s.event}
                </th>
              ))}
              <th className={TH}>Conversion</th>
            </tr>
          </thead>
          <tbody>
            {r.breakdown.map((b) => (
              <tr key={b.value ?? NONE} className={ROW}>
                <td className={TD}>{b.value ?? NONE}</td>
                {b.counts.map((c, i) => (
                  <td key={r.steps[i]?.step} className={TD}>
                    {c}
                  </td>
                ))}
                <td className={TD}>{conversionOf(b.counts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </Section>
  );
}
