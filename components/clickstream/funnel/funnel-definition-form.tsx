"use client";

import { useId } from "react";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { Button } from "@/components/ui/button";
import { STANDARD_EVENTS } from "@/lib/schemas/clickstream";
import { FunnelExclusions } from "./funnel-exclusions";
import { FunnelOptions } from "./funnel-options";
import { FunnelStepRow } from "./funnel-step-row";
import type { FunnelFormState } from "./use-funnel-form-state";

/** The funnel's steps and options; submitting runs it (through the URL, see FunnelBuilder). */
export function FunnelDefinitionForm({ state, onRun }: { state: FunnelFormState; onRun: () => void }) {
  const { form, keys } = state;
  const ids = useId();
  const hydrated = useHydrated();
  return (
    <form
      aria-label="Funnel definition"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        onRun();
      }}
    >
      {/* Disabled until hydrated: hydration would reset anything typed into the server's HTML. */}
      <fieldset disabled={!hydrated} className="contents">
        <ol className="flex flex-col gap-2">
          {keys.map((key, i) => {
            const s = form.steps[i];
            if (!s) return null;
            return (
              <FunnelStepRow
                key={key}
                index={i}
                step={s}
                eventsListId={`${ids}-events`}
                canRemove={state.canRemoveStep}
                onChange={(patch) => state.setStep(i, patch)}
                onRemove={() => state.removeStep(i)}
              />
            );
          })}
        </ol>
        <FunnelExclusions
          exclusions={form.exclusions}
          stepCount={form.steps.length}
          eventsListId={`${ids}-events`}
          onChange={(exclusions) => state.update({ exclusions })}
        />
        <datalist id={`${ids}-events`}>
          {STANDARD_EVENTS.map((e) => (
            <option key={e} value={e} />
          ))}
        </datalist>
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <Button variant="secondary" disabled={!state.canAddStep} onClick={state.addStep}>
            Add step
          </Button>
          <Button
            variant="secondary"
            title="Pre-computed per day by the ETL: answers at once on any range of whole days"
            onClick={state.applyStandard}
          >
            Standard purchase funnel
          </Button>
          <FunnelOptions form={form} update={state.update} />
          <Button type="submit">Run funnel</Button>
        </div>
      </fieldset>
    </form>
  );
}
