import { CsvButton } from "@/components/ui/csv-button";
import { formatMoney, formatPercent, formatSeconds } from "@/components/ui/format";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Section } from "@/components/ui/section";
import { ROW, TableHead, TD } from "@/components/ui/table";
import type { FunnelStepResult } from "@/lib/schemas/funnel";

const CSV_HEADER = [
  "step",
  "event",
  "units",
  "conversion",
  "from_previous",
  "drop_off",
  "drop_off_rate",
  "revenue_lost",
  "median_seconds",
];
const COLUMNS = [
  "Step",
  "Event",
  "Units",
  "Conversion",
  "From previous",
  "Drop-off",
  "Drop-off rate",
  "Revenue lost",
  "Median time from step 1",
];

/** The CSV keeps revenue and seconds as plain numbers where the table formats them for reading. */
const toCsvRow = (s: FunnelStepResult) => [
  s.step,
  s.event,
  s.count,
  formatPercent(s.conversion),
  formatPercent(s.fromPrevious),
  s.dropOff,
  formatPercent(s.dropOffRate),
  s.revenueLost.toFixed(2),
  s.medianSeconds === null ? "" : Math.round(s.medianSeconds),
];

/** Units, conversion and drop-off per step. */
export function FunnelStepsTable({ steps }: { steps: FunnelStepResult[] }) {
  return (
    <Section
      title="Steps"
      actions={<CsvButton filename="funnel-steps.csv" header={CSV_HEADER} rows={steps.map(toCsvRow)} />}
    >
      <ScrollArea className="overflow-x-auto">
        <table className="w-full whitespace-nowrap text-sm" aria-label="Funnel steps">
          <TableHead columns={COLUMNS} />
          <tbody>
            {steps.map((s) => (
              <tr key={s.step} className={ROW}>
                <td className={TD}>{s.step}</td>
                <td className={TD}>{s.event}</td>
                <td className={TD} data-testid={`step-${s.step}-count`}>
                  {s.count}
                </td>
                <td className={TD}>{formatPercent(s.conversion)}</td>
                <td className={TD}>{formatPercent(s.fromPrevious)}</td>
                <td className={TD}>{s.dropOff}</td>
                <td className={TD}>{formatPercent(s.dropOffRate)}</td>
                <td className={TD}>{formatMoney(s.revenueLost)}</td>
                <td className={TD}>{formatSeconds(s.medianSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </Section>
  );
}
