import { DayRange, FIELD, Labelled } from "@/components/ui/field";
import { FUNNEL_BREAKDOWNS } from "@/lib/schemas/funnel";
import type { FunnelForm } from "@/lib/schemas/funnel-form";

/** Which step events give a unit its breakdown value: first touch, last touch or one step. */
function FunnelAttribution({ form, update }: { form: FunnelForm; update: (patch: Partial<FunnelForm>) => void }) {
  const value = form.attribution === "step" ? `step:${form.attributionStep}` : form.attribution;
  return (
    <Labelled label="Attribution">
      <select
        className={FIELD}
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          if (v.startsWith("step:")) update({ attribution: "step", attributionStep: Number(v.slice(5)) });
          else update({ attribution: v as FunnelForm["attribution"] });
        }}
      >
        <option value="first">first touch (first step with a value)</option>
        <option value="last">last touch (last step reached with a value)</option>
        {form.steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one option per step position
          <option key={i} value={`step:${i + 1}`}>
            step {i + 1} ({s.event || "no event yet"})
          </option>
        ))}
      </select>
    </Labelled>
  );
}

type Choice = "order" | "unit" | "breakdown" | "windowUnit";

/** How the funnel counts: conversion window, order, counting unit, days, breakdown, same product. */
export function FunnelOptions({ form, update }: { form: FunnelForm; update: (patch: Partial<FunnelForm>) => void }) {
  /** value/onChange of a select bound to one of the form's choice fields. */
  const bindSelect = <K extends Choice>(k: K) => ({
    value: form[k],
    onChange: (e: { target: { value: string } }) => update({ [k]: e.target.value as FunnelForm[K] }),
  });
  return (
    <>
      <Labelled label="Conversion window">
        <span className="flex gap-1">
          <input
            type="number"
            min={1}
            className={`${FIELD} w-20`}
            value={form.window}
            onChange={(e) => update({ window: Math.max(1, Number(e.target.value)) })}
          />
          <select aria-label="Window unit" className={FIELD} {...bindSelect("windowUnit")}>
            <option value="minutes">minutes</option>
            <option value="hours">hours</option>
            <option value="days">days</option>
          </select>
        </span>
      </Labelled>
      <Labelled label="Order">
        <select className={FIELD} {...bindSelect("order")}>
          <option value="sequential">sequential (steps in order)</option>
          <option value="strict">strict (nothing in between)</option>
          <option value="any">any order</option>
        </select>
      </Labelled>
      <Labelled label="Count by">
        <select className={FIELD} {...bindSelect("unit")}>
          <option value="session">session</option>
          <option value="client">client (browser)</option>
          <option value="user">logged-in user</option>
          <option value="person">person (browser + the account it signs in to)</option>
        </select>
      </Labelled>
      <DayRange from={form.from} to={form.to} onChange={update} />
      <Labelled label="Breakdown">
        <select className={FIELD} {...bindSelect("breakdown")}>
          <option value="">none</option>
          {FUNNEL_BREAKDOWNS.map((b) => (
            <option key={b} value={b}>
              {b.replace("_", " ")}
            </option>
          ))}
        </select>
      </Labelled>
      {form.breakdown ? <FunnelAttribution form={form} update={update} /> : null}
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={form.sameProduct} onChange={(e) => update({ sameProduct: e.target.checked })} />
        Same product across steps
      </label>
    </>
  );
}
