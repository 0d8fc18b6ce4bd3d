"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FIELD, Labelled } from "@/components/ui/field";
import { MAX_RETENTION_PERIODS } from "@/lib/schemas/retention";
import { EventField, KnownEventsList, SelectField } from "../report-fields";

/** The retention form as the URL holds it (all text). */
export type RetentionForm = {
  period: string;
  periods: string;
  start: string;
  unit: string;
  cohort: string;
  back: string;
  category: string;
};

/**
 * Edits a copy of the applied form; Run applies it. Started once from the URL's form (never reset
 * after mount, so a value being typed is never wiped).
 */
export function RetentionFormView({ applied, onRun }: { applied: RetentionForm; onRun: (f: RetentionForm) => void }) {
  const [form, setForm] = useState(applied);
  const set = (patch: Partial<RetentionForm>) => setForm((f) => ({ ...f, ...patch }));
  const max = form.period === "day" ? MAX_RETENTION_PERIODS.day : MAX_RETENTION_PERIODS.week;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onRun(form);
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3 text-sm" aria-label="Retention query">
      <KnownEventsList />
      <SelectField
        label="Cohorts by"
        value={form.period}
        options={[
          ["week", "week (from Monday)"],
          ["day", "day"],
        ]}
        onChange={(period) => set({ period })}
      />
      <Labelled label={`How many (2–${max})`}>
        <input
          type="number"
          min={2}
          max={max}
          className={`${FIELD} w-20`}
          value={form.periods}
          onChange={(e) => set({ periods: e.target.value })}
        />
      </Labelled>
      <Labelled label="Starting">
        <input type="date" className={FIELD} value={form.start} onChange={(e) => set({ start: e.target.value })} />
      </Labelled>
      <SelectField
        label="Counting"
        value={form.unit}
        options={[
          ["client", "clients (browsers)"],
          ["user", "logged-in users"],
          ["person", "people (browser + the account it signs in to)"],
        ]}
        onChange={(unit) => set({ unit })}
      />
      <EventField label="Cohort: first did" value={form.cohort} onChange={(cohort) => set({ cohort })} />
      <EventField label="Came back: did" value={form.back} onChange={(back) => set({ back })} />
      <Labelled label="…in category">
        <input
          className={`${FIELD} w-32 max-w-full`}
          value={form.category}
          placeholder="any"
          onChange={(e) => set({ category: e.target.value })}
        />
      </Labelled>
      <Button type="submit">Run</Button>
    </form>
  );
}
