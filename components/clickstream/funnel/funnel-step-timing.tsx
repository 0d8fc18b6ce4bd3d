import { FIELD } from "@/components/ui/field";
import type { FunnelStep } from "@/lib/schemas/funnel";

const LIMITS = [
  ["minMinutesFromPrevious", "min", "at least"],
  ["maxMinutesFromPrevious", "max", "at most"],
] as const;

/** A whole number of minutes from a number input, or undefined when it is emptied. */
const readMinutes = (v: string) => (v.trim() === "" ? undefined : Math.max(0, Math.trunc(Number(v))));

/**
 * Step n's "within … of the previous step": at least / at most so many minutes after it (any order:
 * that far apart either way round). Shown under the step's row when its timing area is open.
 */
export function FunnelStepTiming({
  n,
  step,
  onChange,
}: {
  n: number;
  step: FunnelStep;
  onChange: (patch: Partial<FunnelStep>) => void;
}) {
  return (
    <div className="flex basis-full flex-wrap items-center gap-2 pl-16 text-sm text-slate-600 dark:text-slate-300">
      <span>Within the previous step:</span>
      {LIMITS.map(([k, short, words]) => (
        <label key={k} className="flex items-center gap-1">
          {words}
          <input
            type="number"
            min={0}
            aria-label={`Step ${n} ${short} minutes from previous`}
            placeholder="any"
            className={`${FIELD} w-20`}
            value={step[k] ?? ""}
            onChange={(e) => onChange({ [k]: readMinutes(e.target.value) })}
          />
          minutes
        </label>
      ))}
    </div>
  );
}

/** Whether a step sets any time from the previous one (its timing area then starts open). */
export const hasStepTiming = (s: FunnelStep) =>
  s.minMinutesFromPrevious !== undefined || s.maxMinutesFromPrevious !== undefined;
