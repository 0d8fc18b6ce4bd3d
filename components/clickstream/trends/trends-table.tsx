import { CsvButton } from "@/components/ui/csv-button";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Section } from "@/components/ui/section";
import { ROW, TableHead, TD } from "@/components/ui/table";
import type { TrendsResult } from "@/lib/schemas/trends";
import { colourOf, formatChange, seriesLabel } from "./trend-labels";

const changeClass = (change: number | null) =>
  change === null || change === 0
    ? ""
    : change > 0
      ? "text-emerald-700 dark:text-emerald-400"
      : "text-rose-700 dark:text-rose-400";

/** Totals per series over the range, against the period before, with the change. */
export function TrendsTotals({ result: r }: { result: TrendsResult }) {
  const many = new Set(r.series.map((s) => s.event)).size > 1;
  const running = r.buckets.some((b) => b.state !== "complete");
  const columns = r.previous
    ? ["Series", `${r.from} – ${r.to}`, `${r.previous.from} – ${r.previous.to}`, "Change"]
    : ["Series", `${r.from} – ${r.to}`];
  return (
    <Section
      title="Totals"
      actions={
        <CsvButton
          filename="trends-totals.csv"
          header={["event", "value", "total", "previous", "change"]}
          rows={r.series.map((s) => [
            s.event,
            s.other ? "other" : (s.value ?? ""),
            s.total,
            s.previousTotal ?? "",
            s.change ?? "",
          ])}
        />
      }
    >
      <ScrollArea className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Totals per series">
          <TableHead columns={columns} />
          <tbody>
            {r.series.map((s, i) => (
              <tr key={`${s.event}-${s.value}-${s.other}`} className={ROW}>
                <td className={`${TD} break-words`}>
                  <span
                    aria-hidden="true"
                    className="mr-2 inline-block h-2 w-2 rounded-full"
                    style={{ background: colourOf(i) }}
                  />
                  {seriesLabel(s, many)}
                </td>
                <td className={`${TD} tabular-nums`}>{s.total.toLocaleString()}</td>
                {r.previous ? (
                  <>
                    <td className={`${TD} tabular-nums`}>{(s.previousTotal ?? 0).toLocaleString()}</td>
                    <td className={`${TD} tabular-nums ${changeClass(s.change)}`}>{formatChange(s.change)}</td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      {running ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400" data-testid="trends-partial">
          The range reaches {r.interval === "hour" ? "this hour" : r.interval === "week" ? "this week" : "today"}, which
          is still running: its figures are the count so far, so this period's totals may still grow.
        </p>
      ) : null}
    </Section>
  );
}
