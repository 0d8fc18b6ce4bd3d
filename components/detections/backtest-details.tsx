import { formatWhen } from "@/components/ui/format";
import { ROW, TableHead, TD as td } from "@/components/ui/table";
import type { BacktestResult } from "@/lib/schemas/detections";

function TopList({ title, items, testId }: { title: string; items: BacktestResult["topPrincipals"]; testId: string }) {
  return (
    <div>
      <h4 className="font-semibold">{title}</h4>
      {items.length ? (
        <ol className="list-decimal pl-5 text-sm" data-testid={testId}>
          {items.map((i) => (
            <li key={i.value} className="break-all">
              {i.value} <span className="text-slate-500">({i.count})</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-500">None</p>
      )}
    </div>
  );
}

/** The principals and resources most involved, and the latest matching events. */
export function BacktestDetails({ result }: { result: BacktestResult }) {
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 md:grid-cols-2">
        <TopList title="Top principals" items={result.topPrincipals} testId="backtest-top-principals" />
        <TopList title="Top resources" items={result.topResources} testId="backtest-top-resources" />
      </div>
      {result.samples.length ? (
        <table className="w-full text-sm" data-testid="backtest-samples">
          <TableHead columns={["Time", "Event", "Principal", "Source address", "Event id"]} />
          <tbody>
            {result.samples.map((s) => (
              <tr key={s.eventId} className={ROW}>
                <td className={td}>{formatWhen(s.time)}</td>
                <td className={td}>{s.eventName ?? "—"}</td>
                <td className={`${td} break-all`}>{s.principal ?? "—"}</td>
                <td className={td}>{s.sourceAddress ?? "—"}</td>
                <td className={`${td} break-all text-xs`}>{s.eventId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
