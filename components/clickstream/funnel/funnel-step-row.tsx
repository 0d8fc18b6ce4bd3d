"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FIELD } from "@/components/ui/field";
import type { FunnelStep } from "@/lib/schemas/funnel";
import { FunnelStepTiming, hasStepTiming } from "./funnel-step-timing";

const TEXT_FILTERS = [
  ["category", "category"],
  ["brand", "brand"],
  ["productId", "product id"],
] as const;

/** One step of the definition: its event (suggested from `eventsListId`) and the filters on it. */
export function FunnelStepRow({
  index,
  step: s,
  eventsListId,
  canRemove,
  onChange,
  onRemove,
}: {
  index: number;
  step: FunnelStep;
  eventsListId: string;
  canRemove: boolean;
  onChange: (patch: Partial<FunnelStep>) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const [timing, setTiming] = useState(() => hasStepTiming(s));
  return (
    <li className="flex flex-wrap items-center gap-2 text-sm">
      <span className="w-14 font-medium">Step {n}</span>
      <input
        aria-label={`Step ${n} event`}
        list={eventsListId}
        className={`${FIELD} w-40`}
        value={s.event}
        onChange={(e) => onChange({ event: e.target.value })}
      />
      {TEXT_FILTERS.map(([k, label]) => (
        <input
          key={k}
          aria-label={`Step ${n} ${label}`}
          placeholder={`${label} (any)`}
          className={`${FIELD} w-32`}
          value={s[k] ?? ""}
          onChange={(e) => onChange({ [k]: e.target.value })}
        />
      ))}
      <select
        aria-label={`Step ${n} login state`}
        className={FIELD}
        value={s.loginState ?? ""}
        onChange={(e) => onChange({ loginState: (e.target.value || undefined) as FunnelStep["loginState"] })}
      >
        <option value="">any login state</option>
        <option value="logged_in">logged in</option>
        <option value="guest">guest</option>
        <option value="logged_out">logged out</option>
      </select>
      <select
        aria-label={`Step ${n} first visit`}
        className={FIELD}
        value={s.firstVisit === undefined ? "" : String(s.firstVisit)}
        onChange={(e) => onChange({ firstVisit: e.target.value === "" ? undefined : e.target.value === "true" })}
      >
        <option value="">first visit or not</option>
        <option value="true">first visit</option>
        <option value="false">returning</option>
      </select>
      {n > 1 ? (
        <Button
          variant="secondary"
          aria-expanded={timing}
          aria-label={`Step ${n} timing`}
          title="How long after the previous step this one may come"
          onClick={() => setTiming((t) => !t)}
        >
          {timing ? "Timing ▴" : hasStepTiming(s) ? "Timing ●" : "Timing ▾"}
        </Button>
      ) : null}
      <Button variant="secondary" aria-label={`Remove step ${n}`} disabled={!canRemove} onClick={onRemove}>
        ×
      </Button>
      {n > 1 && timing ? <FunnelStepTiming n={n} step={s} onChange={onChange} /> : null}
    </li>
  );
}
