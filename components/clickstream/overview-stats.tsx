import { formatCount, formatPercent } from "@/components/ui/format";
import type { Overview } from "@/lib/schemas/clickstream-reports";

const change = (cur: number, prev: number) =>
  prev
    ? `${cur >= prev ? "+" : ""}${(((cur - prev) / prev) * 100).toFixed(1)}% vs previous period`
    : "no previous data";

function Stat({
  label,
  cur,
  prev,
  format = formatCount,
}: {
  label: string;
  cur: number;
  prev: number;
  format?: (x: number) => string;
}) {
  return (
    <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <p className="text-xs text-slate-500">{label}</p>
      <p className="text-2xl font-semibold">{format(cur)}</p>
      <p className="text-xs text-slate-500">{change(cur, prev)}</p>
    </div>
  );
}

/** Headline numbers of the period, each against the period before. */
export function OverviewStats({ data, unit }: { data: Overview; unit: string }) {
  const { current: cur, previous: prev } = data;
  const people = unit === "user" ? "users" : "clients";
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
      <Stat label="Events" cur={cur.events} prev={prev.events} />
      <Stat label="Sessions" cur={cur.sessions} prev={prev.sessions} />
      <Stat label={unit === "user" ? "Logged-in users" : "Clients"} cur={cur[people]} prev={prev[people]} />
      <Stat label="First-visit sessions" cur={cur.firstVisitShare} prev={prev.firstVisitShare} format={formatPercent} />
      <Stat label="Logged-in sessions" cur={cur.loggedInShare} prev={prev.loggedInShare} format={formatPercent} />
    </div>
  );
}
