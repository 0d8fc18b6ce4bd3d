"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { DayRange, FIELD, Labelled } from "@/components/ui/field";
import { KnownEventsList, SelectField } from "../report-fields";

/** The trends form as the URL holds it (all text; `events` comma-separated). */
export type TrendsForm = {
  events: string;
  measure: string;
  interval: string;
  from: string;
  to: string;
  breakdown: string;
  compare: string;
};

export const MEASURE_NAMES = {
  events: "total events",
  clients: "unique clients",
  sessions: "unique sessions",
  users: "unique logged-in users",
  persons: "unique people (browser + account)",
} as const;

const BREAKDOWNS = [
  ["", "nothing"],
  ["category", "product category"],
  ["brand", "product brand"],
  ["login_state", "login state"],
  ["identity_source", "sign-in provider"],
  ["first_visit", "first visit or not"],
  ["referrer_domain", "referring site"],
] as const;

/** Edits a copy of the applied form; Run applies it (keyed by the URL's form, so never reset while typing). */
export function TrendsFormView({ applied, onRun }: { applied: TrendsForm; onRun: (f: TrendsForm) => void }) {
  const [form, setForm] = useState(applied);
  const set = (patch: Partial<TrendsForm>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onRun(form);
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3 text-sm" aria-label="Trends query">
      <KnownEventsList />
      <Labelled label="Events (comma-separated, up to 5)">
        <input
          className={`${FIELD} w-72 max-w-full`}
          value={form.events}
          placeholder="page_view, purchase"
          onChange={(e) => set({ events: e.target.value })}
        />
      </Labelled>
      <SelectField
        label="Count"
        value={form.measure}
        options={Object.entries(MEASURE_NAMES)}
        onChange={(measure) => set({ measure })}
      />
      <SelectField
        label="Per"
        value={form.interval}
        options={[
          ["hour", "hour (up to 14 days)"],
          ["day", "day"],
          ["week", "week (Monday to Sunday)"],
        ]}
        onChange={(interval) => set({ interval })}
      />
      <DayRange from={form.from} to={form.to} onChange={set} />
      <SelectField
        label="Split by"
        value={form.breakdown}
        options={BREAKDOWNS}
        onChange={(breakdown) => set({ breakdown })}
      />
      <label className="flex items-center gap-2 self-center">
        <input
          type="checkbox"
          checked={form.compare === "yes"}
          onChange={(e) => set({ compare: e.target.checked ? "yes" : "no" })}
        />
        Compare with the period before
      </label>
      <Button type="submit">Run</Button>
    </form>
  );
}
