"use client";

import { useEffect, useRef, useState } from "react";
import { type FunnelStep, MAX_FUNNEL_STEPS, STANDARD_FUNNEL_STEPS } from "@/lib/schemas/funnel";
import {
  applyStandardFunnel,
  createDefaultFunnelForm,
  type FunnelForm,
  patchFunnelStep,
  removeFunnelStep,
} from "@/lib/schemas/funnel-form";

/**
 * The form being edited, reset whenever the URL applies another one. Step rows get stable React keys
 * because steps can be added and removed anywhere.
 */
export function useFunnelFormState(applied: FunnelForm | null) {
  const [form, setForm] = useState<FunnelForm>(applied ?? createDefaultFunnelForm());
  const nextKey = useRef(0);
  const newKeys = (n: number) => Array.from({ length: n }, () => nextKey.current++);
  const [keys, setKeys] = useState<number[]>(() => newKeys(form.steps.length));
  const appliedKey = applied ? JSON.stringify(applied) : "";
  // The form already starts from what the URL applies: only a later change resets it. (Resetting on
  // mount too could wipe a step typed between hydration and the first effects.)
  const shown = useRef(appliedKey);
  useEffect(() => {
    if (!appliedKey || appliedKey === shown.current) return;
    shown.current = appliedKey;
    const f = JSON.parse(appliedKey) as FunnelForm;
    setForm(f);
    setKeys(Array.from({ length: f.steps.length }, () => nextKey.current++));
  }, [appliedKey]);

  return {
    form,
    keys,
    canAddStep: form.steps.length < MAX_FUNNEL_STEPS,
    canRemoveStep: form.steps.length > 2,
    update: (patch: Partial<FunnelForm>) => setForm((f) => ({ ...f, ...patch })),
    setStep: (i: number, patch: Partial<FunnelStep>) =>
      setForm((f) => ({ ...f, steps: f.steps.map((s, j) => (j === i ? patchFunnelStep(s, patch) : s)) })),
    addStep: () => {
      setForm((f) => ({ ...f, steps: [...f.steps, { event: "purchase" }] }));
      setKeys((k) => [...k, ...newKeys(1)]);
    },
    removeStep: (i: number) => {
      setForm((f) => removeFunnelStep(f, i));
      setKeys((k) => k.filter((_, j) => j !== i));
    },
    applyStandard: () => {
      setForm(applyStandardFunnel);
      setKeys(newKeys(STANDARD_FUNNEL_STEPS.length));
    },
  };
}

export type FunnelFormState = ReturnType<typeof useFunnelFormState>;
