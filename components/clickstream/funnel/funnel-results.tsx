import type { FunnelResult } from "@/lib/schemas/funnel";
import { FunnelBreakdownTable, hasBreakdown } from "./funnel-breakdown-table";
import { FunnelExplain } from "./funnel-explain";
import { FunnelBreakdownChart, FunnelStepsChart } from "./funnel-steps-chart";
import { FunnelStepsTable } from "./funnel-steps-table";
import { FunnelOverTime, FunnelTimeToConvert } from "./funnel-timing";

/** Everything one funnel run answers: per step, per breakdown value, over time, and how it was read. */
export function FunnelResults({ result: r }: { result: FunnelResult }) {
  return (
    <div className="flex flex-col gap-6">
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
