import { Button } from "@/components/ui/button";
import { FIELD } from "@/components/ui/field";
import { type FunnelExclusion, MAX_FUNNEL_EXCLUSIONS } from "@/lib/schemas/funnel";

/**
 * The funnel's exclusions: a unit with this event between step i and step j is left out of the
 * funnel (the result says how many were).
 */
export function FunnelExclusions({
  exclusions,
  stepCount,
  eventsListId,
  onChange,
}: {
  exclusions: FunnelExclusion[];
  stepCount: number;
  eventsListId: string;
  onChange: (exclusions: FunnelExclusion[]) => void;
}) {
  const steps = Array.from({ length: stepCount }, (_, i) => i + 1);
  const set = (i: number, patch: Partial<FunnelExclusion>) =>
    onChange(exclusions.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const stepSelect = (i: number, k: "fromStep" | "toStep", label: string, choices: number[]) => (
    <select
      aria-label={`Exclusion ${i + 1} ${label}`}
      className={FIELD}
      value={exclusions[i]?.[k]}
      onChange={(e) => set(i, { [k]: Number(e.target.value) })}
    >
      {choices.map((n) => (
        <option key={n} value={n}>
          step {n}
        </option>
      ))}
    </select>
  );
  return (
    <section aria-label="Exclusions" className="flex flex-col gap-2 text-sm">
      <h3 className="font-medium">Exclusions</h3>
      {exclusions.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-300">
          None: add one to leave out anyone who did an event between two steps.
        </p>
      ) : null}
      <ol className="flex flex-col gap-2">
        {exclusions.map((x, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are identified by position (their labels say "Exclusion n")
          <li key={i} className="flex flex-wrap items-center gap-2">
            <span>Leave out anyone who did</span>
            <input
              aria-label={`Exclusion ${i + 1} event`}
              list={eventsListId}
              className={FIELD}
              value={x.event}
              onChange={(e) => set(i, { event: e.target.value })}
            />
            <span>between</span>
            {stepSelect(i, "fromStep", "from step", steps.slice(0, -1))}
            <span>and</span>
            {stepSelect(i, "toStep", "to step", steps.slice(1))}
            <Button
              variant="secondary"
              aria-label={`Remove exclusion ${i + 1}`}
              onClick={() => onChange(exclusions.filter((_, j) => j !== i))}
            >
              ×
            </Button>
          </li>
        ))}
      </ol>
      <div>
        <Button
          variant="secondary"
          disabled={exclusions.length >= MAX_FUNNEL_EXCLUSIONS}
          onClick={() => onChange([...exclusions, { event: "", fromStep: 1, toStep: stepCount }])}
        >
          Add exclusion
        </Button>
      </div>
    </section>
  );
}
