import type { ReactNode } from "react";

/** Class names of a compact filter control (inputs and selects in filter bars). */
export const FIELD =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/** A labelled control stacked over its label text. */
export function Labelled({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control comes in as children (implicit association)
    <label className="flex max-w-full min-w-0 flex-col gap-1">
      {label}
      {children}
    </label>
  );
}

/** From / to day inputs (yyyy-mm-dd, UTC days, `to` inclusive). */
export function DayRange({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (patch: { from?: string; to?: string }) => void;
}) {
  return (
    <>
      <Labelled label="From">
        <input type="date" className={FIELD} value={from} onChange={(e) => onChange({ from: e.target.value })} />
      </Labelled>
      <Labelled label="To">
        <input type="date" className={FIELD} value={to} onChange={(e) => onChange({ to: e.target.value })} />
      </Labelled>
    </>
  );
}
