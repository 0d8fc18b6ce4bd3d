import type { FunnelResult } from "@/lib/schemas/funnel";
import { FunnelBreakdownTable, hasBreakdown } from "./funnel-breakdown-table";
import { FunnelExplain } from "./funnel-explain";
import { FunnelBreakdownChart, FunnelStepsChart } from "./funnel-steps-chart";
import { FunnelStepsTable } from "./funnel-steps-table";
import { FunnelOverTime, FunnelTimeToConvert } from "./funnel-timing";

const UNIT_WORDS: Record<string, [string, string]> = {
  session: ["session", "sessions"],
  client: ["browser", "browsers"],
  user: ["user", "users"],
  person: ["person", "people"],
};

/** "3 sessions were left out: …", or nothing when no exclusion dropped anyone. */
function ExcludedNote({ excluded, unit }: { excluded: number; unit: string }) {
  if (!excluded) return null;
  const [one, many] = UNIT_WORDS[unit] ?? ["unit", "units"];
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      {excluded === 1 ? `1 ${one} was` : `${excluded.toLocaleString("en")} ${many} were`} left out: an excluded event
      came between their steps.
    </p>
  );
}

/** Everything one funnel run answers: per step, per breakdown value, over time, and how it was read. */
export function FunnelResults({ result: r }: { result: FunnelResult }) {
  return (
    <div className="flex flex-col gap-6">
      <ExcludedNote excluded={r.excluded} unit={r.explain.unit} />
      <FunnelStepsChart result={r} />
      <FunnelStepsTable steps={r.steps} />
      {hasBreakdown(r) ? (
        <>
          <FunnelBreakdownChart result={r} />
          <FunnelBreakdownTable result={r} />
        </>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <FunnelTimeToConvert buckets={r.timeToConvert} />
        <FunnelOverTime days={r.overTime} />
      </div>
      <FunnelExplain explain={r.explain} />
    </div>
  );
}
