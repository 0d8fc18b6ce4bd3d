import { formatCount, formatPercent } from "@/components/ui/format";
import type { Overview } from "@/lib/schemas/clickstream-reports";
import { describeChange, hasPreviousData, previousRange } from "./overview-change";

function Stat({
  label,
  cur,
  prev,
  kind = "count",
  hasPrevious,
}: {
  label: string;
  cur: number;
  prev: number;
  kind?: "count" | "share";
  hasPrevious: boolean;
}) {
  return (
    <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-800" data-testid="overview-stat">
      <p className="text-xs text-slate-600 dark:text-slate-400">{label}</p>
      <p className="text-2xl font-semibold">{kind === "share" ? formatPercent(cur) : formatCount(cur)}</p>
      <p className="text-xs text-slate-600 dark:text-slate-400">{describeChange(cur, prev, kind, hasPrevious)}</p>
    </div>
  );
}

/** Headline numbers of the period, each against the period of the same length just before it. */
export function OverviewStats({ data, unit, from, to }: { data: Overview; unit: string; from: string; to: string }) {
  const { current: cur, previous: prev } = data;
  const people = unit === "user" ? "users" : "clients";
  const hasPrevious = hasPreviousData(prev);
  const before = previousRange(from, to);
  return (
    <section aria-label="Period totals" className="flex flex-col gap-2">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Compared with the previous period, {before.from} to {before.to}
        {hasPrevious ? "" : ", which has no data"}.
      </p>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Stat label="Events" cur={cur.events} prev={prev.events} hasPrevious={hasPrevious} />
        <Stat label="Sessions" cur={cur.sessions} prev={prev.sessions} hasPrevious={hasPrevious} />
        <Stat
          label={unit === "user" ? "Logged-in users" : "Clients"}
          cur={cur[people]}
          prev={prev[people]}
          hasPrevious={hasPrevious}
        />
        <Stat
          label="First-visit sessions"
          cur={cur.firstVisitShare}
          prev={prev.firstVisitShare}
          kind="share"
          hasPrevious={hasPrevious}
        />
        <Stat
          label="Logged-in sessions"
          cur={cur.loggedInShare}
          prev={prev.loggedInShare}
          kind="share"
          hasPrevious={hasPrevious}
        />
      </div>
    </section>
  );
}
