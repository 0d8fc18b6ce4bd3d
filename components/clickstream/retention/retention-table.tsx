import { ScrollArea } from "@/components/ui/scroll-area";
import { Section } from "@/components/ui/section";
import { ROW, TD, TH, THEAD } from "@/components/ui/table";
import type { RetentionCell, RetentionResult } from "@/lib/schemas/retention";
import { formatShare } from "../report-explain";

/** A cell shaded by its share (sky, at most 45% opaque: dark text stays readable in light, light text in dark). */
function Cell({ cell }: { cell: RetentionCell }) {
  if (cell.state === "not_started")
    return (
      <td className={`${TD} text-center text-slate-500 dark:text-slate-400`} title="This period has not begun">
        <span aria-hidden="true">–</span>
        <span className="sr-only">not yet</span>
      </td>
    );
  const running = cell.state === "in_progress";
  const style = cell.share ? { backgroundColor: `rgba(2, 132, 199, ${(0.08 + cell.share * 0.37).toFixed(3)})` } : {};
  return (
    <td
      className={`${TD} text-center tabular-nums ${running ? "italic" : ""}`}
      style={style}
      title={running ? "This period is still running: the count so far" : undefined}
    >
      {cell.share === null ? "—" : formatShare(cell.share)}
      {running ? (
        <>
          <span aria-hidden="true">*</span>
          <span className="sr-only"> so far</span>
        </>
      ) : null}
      <span className="block text-xs text-slate-700 dark:text-slate-300">{cell.count}</span>
    </td>
  );
}

/** Cohorts down, periods since across: the share (and number) of each cohort that came back. */
export function RetentionTable({ result: r }: { result: RetentionResult }) {
  const name = r.period === "week" ? "Week" : "Day";
  return (
    <Section title="Cohorts">
      <ScrollArea className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Retention by cohort">
          <thead className={THEAD}>
            <tr>
              <th className={TH}>Cohort</th>
              <th className={TH}>Size</th>
              {Array.from({ length: r.periods }, (_, k) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: offsets are the columns, in order
                <th key={k} className={`${TH} text-center`}>
                  {name} {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.cohorts.map((c) => (
              <tr key={c.start} className={ROW}>
                <th scope="row" className={`${TD} text-left font-medium whitespace-nowrap`}>
                  {c.start}
                </th>
                <td className={`${TD} tabular-nums`}>{c.size}</td>
                {c.cells.map((cell) => (
                  <Cell key={cell.offset} cell={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        {name} 0 is the cohort itself. * marks a {r.period} still running (the count so far); – a {r.period} not begun
        yet.
      </p>
    </Section>
  );
}
