"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Button } from "@/components/ui/button";
import { CsvButton } from "@/components/ui/csv-button";
import { DayRange, FIELD, Labelled } from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import { ROW, TableHead, TD, TH, THEAD } from "@/components/ui/table";
import { STANDARD_EVENTS } from "@/lib/schemas/clickstream";
import { nextDay, type SavedFunnel } from "@/lib/schemas/clickstream-reports";
import {
  FUNNEL_BREAKDOWNS,
  type FUNNEL_ORDERS,
  type FUNNEL_UNITS,
  type FunnelQueryInput,
  type FunnelResult,
  type FunnelStep,
  STANDARD_FUNNEL_STEPS,
} from "@/lib/schemas/funnel";
import { apiFetch } from "../hooks/api-fetch";
import { useHydrated } from "../hooks/use-hydrated";
import { daysAgo } from "../hooks/use-url-state";

/** What the form edits; dates are whole UTC days (to inclusive). */
export interface FunnelForm {
  steps: FunnelStep[];
  window: number;
  windowUnit: "minutes" | "hours" | "days";
  order: (typeof FUNNEL_ORDERS)[number];
  unit: (typeof FUNNEL_UNITS)[number];
  sameProduct: boolean;
  from: string;
  to: string;
  breakdown: "" | (typeof FUNNEL_BREAKDOWNS)[number];
}

const TEXT_FILTERS = [
  ["category", "category"],
  ["brand", "brand"],
  ["productId", "product id"],
] as const;
const MINUTES = { minutes: 1, hours: 60, days: 1440 } as const;

export const defaultForm = (): FunnelForm => ({
  steps: ["page_view", "product_view", "add_to_cart", "purchase"].map((event) => ({ event })),
  window: 1,
  windowUnit: "hours",
  order: "sequential",
  unit: "session",
  sameProduct: false,
  from: daysAgo(6),
  to: daysAgo(0),
  breakdown: "",
});

export const toQuery = (f: FunnelForm): FunnelQueryInput => ({
  steps: f.steps,
  windowMinutes: f.window * MINUTES[f.windowUnit],
  order: f.order,
  unit: f.unit,
  sameProduct: f.sameProduct,
  from: `${f.from}T00:00:00.000Z`,
  to: `${nextDay(f.to)}T00:00:00.000Z`,
  ...(f.breakdown ? { breakdown: f.breakdown } : {}),
});

/** A saved definition back into the form. */
export const fromQuery = (q: FunnelQueryInput): FunnelForm => {
  const w = q.windowMinutes;
  const [window, windowUnit] =
    w % 1440 === 0 ? [w / 1440, "days" as const] : w % 60 === 0 ? [w / 60, "hours" as const] : [w, "minutes" as const];
  return {
    steps: q.steps,
    window,
    windowUnit,
    order: q.order ?? "sequential",
    unit: q.unit ?? "session",
    sameProduct: q.sameProduct ?? false,
    from: q.from.slice(0, 10),
    to: new Date(Date.parse(q.to) - 86_400_000).toISOString().slice(0, 10),
    breakdown: q.breakdown ?? "",
  };
};

const encode = (f: FunnelForm) => btoa(unescape(encodeURIComponent(JSON.stringify(f))));
const decode = (s: string): FunnelForm | null => {
  try {
    return { ...defaultForm(), ...(JSON.parse(decodeURIComponent(escape(atob(s)))) as FunnelForm) };
  } catch {
    return null;
  }
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const money = (x: number) => x.toLocaleString(undefined, { style: "currency", currency: "USD" });
const duration = (s: number | null) =>
  s === null
    ? "—"
    : s < 90
      ? `${Math.round(s)} s`
      : s < 5400
        ? `${Math.round(s / 60)} min`
        : `${(s / 3600).toFixed(1)} h`;

export function FunnelBuilder() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const qc = useQueryClient();
  const savedId = params.get("saved");
  const encoded = params.get("f");
  const saved = useQuery({
    queryKey: ["funnels", "saved", savedId],
    queryFn: ({ signal }) => apiFetch<SavedFunnel>(`/api/clickstream/funnels/${savedId}`, { signal }),
    enabled: Boolean(savedId),
  });
  const applied: FunnelForm | null = savedId
    ? saved.data
      ? fromQuery(saved.data.definition as unknown as FunnelQueryInput)
      : null
    : ((encoded ? decode(encoded) : null) ?? defaultForm());
  const [form, setForm] = useState<FunnelForm>(applied ?? defaultForm());
  // Stable React keys for the step rows (steps can be added and removed anywhere).
  const nextKey = useRef(0);
  const newKeys = (n: number) => Array.from({ length: n }, () => nextKey.current++);
  const [keys, setKeys] = useState<number[]>(() => newKeys(form.steps.length));
  const appliedKey = applied ? JSON.stringify(applied) : "";
  useEffect(() => {
    if (!appliedKey) return;
    const f = JSON.parse(appliedKey) as FunnelForm;
    setForm(f);
    setKeys(Array.from({ length: f.steps.length }, () => nextKey.current++));
  }, [appliedKey]);

  const result = useQuery({
    queryKey: ["funnel", appliedKey],
    queryFn: ({ signal }) =>
      apiFetch<FunnelResult>("/api/clickstream/funnel", {
        method: "POST",
        json: toQuery(applied as FunnelForm),
        signal,
      }),
    enabled: Boolean(applied),
    retry: false,
  });
  const list = useQuery({
    queryKey: ["funnels", "list"],
    queryFn: ({ signal }) => apiFetch<SavedFunnel[]>("/api/clickstream/funnels", { signal }),
  });
  const [name, setName] = useState("");
  const save = useMutation({
    mutationFn: () =>
      apiFetch<SavedFunnel>("/api/clickstream/funnels", {
        method: "POST",
        json: { name, definition: toQuery(form) },
      }),
    onSuccess: (s) => {
      qc.invalidateQueries({ queryKey: ["funnels"] });
      router.push(`${pathname}?saved=${s.id}`);
    },
  });

  const setStep = (i: number, patch: Partial<FunnelStep>) =>
    setForm((f) => ({
      ...f,
      steps: f.steps.map((s, j) => {
        if (j !== i) return s;
        const next = { ...s, ...patch } as Record<string, unknown>;
        for (const k of Object.keys(next)) if (next[k] === "" || next[k] === undefined) delete next[k];
        return next as FunnelStep;
      }),
    }));
  /** value/onChange of a select bound to one of the form's choice fields. */
  const bindSelect = <K extends "order" | "unit" | "breakdown" | "windowUnit">(k: K) => ({
    value: form[k],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value as FunnelForm[K] })),
  });
  const run = () => router.push(`${pathname}?f=${encodeURIComponent(encode(form))}`);
  const r = result.data;
  const ids = useId();
  const hydrated = useHydrated();

  return (
    <div className="flex flex-col gap-6">
      <form
        aria-label="Funnel definition"
        className="flex flex-col gap-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        {/* Disabled until hydrated: hydration would reset anything typed into the server's HTML. */}
        <fieldset disabled={!hydrated} className="contents">
          <ol className="flex flex-col gap-2">
            {keys.map((key, i) => {
              const s = form.steps[i];
              if (!s) return null;
              return (
                <li key={key} className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="w-14 font-medium">Step {i + 1}</span>
                  <input
                    aria-label={`Step ${i + 1} event`}
                    list={`${ids}-events`}
                    className={FIELD}
                    value={s.event}
                    onChange={(e) => setStep(i, { event: e.target.value })}
                  />
                  {TEXT_FILTERS.map(([k, label]) => (
                    <input
                      key={k}
                      aria-label={`Step ${i + 1} ${label}`}
                      placeholder={`${label} (any)`}
                      className={FIELD}
                      value={s[k] ?? ""}
                      onChange={(e) => setStep(i, { [k]: e.target.value })}
                    />
                  ))}
                  <select
                    aria-label={`Step ${i + 1} login state`}
                    className={FIELD}
                    value={s.loginState ?? ""}
                    onChange={(e) =>
                      setStep(i, { loginState: (e.target.value || undefined) as FunnelStep["loginState"] })
                    }
                  >
                    <option value="">any login state</option>
                    <option value="logged_in">logged in</option>
                    <option value="guest">guest</option>
                    <option value="logged_out">logged out</option>
                  </select>
                  <select
                    aria-label={`Step ${i + 1} first visit`}
                    className={FIELD}
                    value={s.firstVisit === undefined ? "" : String(s.firstVisit)}
                    onChange={(e) =>
                      setStep(i, { firstVisit: e.target.value === "" ? undefined : e.target.value === "true" })
                    }
                  >
                    <option value="">first visit or not</option>
                    <option value="true">first visit</option>
                    <option value="false">returning</option>
                  </select>
                  <Button
                    variant="secondary"
                    aria-label={`Remove step ${i + 1}`}
                    disabled={form.steps.length <= 2}
                    onClick={() => {
                      setForm((f) => ({ ...f, steps: f.steps.filter((_, j) => j !== i) }));
                      setKeys((k) => k.filter((_, j) => j !== i));
                    }}
                  >
                    ×
                  </Button>
                </li>
              );
            })}
          </ol>
          <datalist id={`${ids}-events`}>
            {STANDARD_EVENTS.map((e) => (
              <option key={e} value={e} />
            ))}
          </datalist>
          <div className="flex flex-wrap items-end gap-3 text-sm">
            <Button
              variant="secondary"
              disabled={form.steps.length >= 8}
              onClick={() => {
                setForm((f) => ({ ...f, steps: [...f.steps, { event: "purchase" }] }));
                setKeys((k) => [...k, ...newKeys(1)]);
              }}
            >
              Add step
            </Button>
            <Button
              variant="secondary"
              title="Pre-computed per day by the ETL: answers at once on any range of whole days"
              onClick={() => {
                setForm((f) => ({
                  ...f,
                  steps: STANDARD_FUNNEL_STEPS.map((event) => ({ event })),
                  window: 1,
                  windowUnit: "hours",
                  order: f.order === "any" ? "any" : "sequential",
                  unit: "session",
                  sameProduct: false,
                }));
                setKeys(newKeys(STANDARD_FUNNEL_STEPS.length));
              }}
            >
              Standard purchase funnel
            </Button>
            <Labelled label="Conversion window">
              <span className="flex gap-1">
                <input
                  type="number"
                  min={1}
                  className={`${FIELD} w-20`}
                  value={form.window}
                  onChange={(e) => setForm((f) => ({ ...f, window: Math.max(1, Number(e.target.value)) }))}
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
              </select>
            </Labelled>
            <DayRange from={form.from} to={form.to} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} />
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
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={form.sameProduct}
                onChange={(e) => setForm((f) => ({ ...f, sameProduct: e.target.checked }))}
              />
              Same product across steps
            </label>
            <Button type="submit">Run funnel</Button>
          </div>
        </fieldset>
      </form>

      {result.isError ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:bg-amber-950">
          {result.error.message}
        </p>
      ) : null}
      {result.isFetching ? <p>Running…</p> : null}
      {r ? <FunnelResults result={r} /> : null}

      <Section title="Saved funnels" className="flex flex-col gap-2 text-sm">
        <div className="flex items-center gap-2">
          <input
            aria-label="Funnel name"
            placeholder="name"
            className={FIELD}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Button variant="secondary" disabled={!name.trim() || save.isPending} onClick={() => save.mutate()}>
            Save funnel
          </Button>
          {save.isError ? <span role="alert">{save.error.message}</span> : null}
        </div>
        <ul className="list-disc pl-5">
          {(list.data ?? []).map((s) => (
            <li key={s.id}>
              <Link className="text-sky-700 hover:underline dark:text-sky-400" href={`${pathname}?saved=${s.id}`}>
                {s.name}
              </Link>{" "}
              <span className="text-slate-500">
                by {s.createdBy}, {new Date(s.createdAt).toLocaleString()}
              </span>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}

function FunnelResults({ result: r }: { result: FunnelResult }) {
  const stepRows = r.steps.map((s) => [
    s.step,
    s.event,
    s.count,
    pct(s.conversion),
    pct(s.fromPrevious),
    s.dropOff,
    pct(s.dropOffRate),
    s.revenueLost.toFixed(2),
    s.medianSeconds === null ? "" : Math.round(s.medianSeconds),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <figure className="h-56 w-full" aria-label="Units per step">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={r.steps.map((s) => ({ name: `${s.step}. ${s.event}`, units: s.count }))}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" fontSize={11} />
            <YAxis allowDecimals={false} fontSize={11} width={48} />
            <Tooltip />
            <Bar dataKey="units" fill="#0284c7" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <Section
        title="Steps"
        actions={
          <CsvButton
            filename="funnel-steps.csv"
            header={[
              "step",
              "event",
              "units",
              "conversion",
              "from_previous",
              "drop_off",
              "drop_off_rate",
              "revenue_lost",
              "median_seconds",
            ]}
            rows={stepRows}
          />
        }
      >
        <table className="w-full text-sm" aria-label="Funnel steps">
          <TableHead
            columns={[
              "Step",
              "Event",
              "Units",
              "Conversion",
              "From previous",
              "Drop-off",
              "Drop-off rate",
              "Revenue lost",
              "Median time from step 1",
            ]}
          />
          <tbody>
            {r.steps.map((s) => (
              <tr key={s.step} className={ROW}>
                <td className={TD}>{s.step}</td>
                <td className={TD}>{s.event}</td>
                <td className={TD} data-testid={`step-${s.step}-count`}>
                  {s.count}
                </td>
                <td className={TD}>{pct(s.conversion)}</td>
                <td className={TD}>{pct(s.fromPrevious)}</td>
                <td className={TD}>{s.dropOff}</td>
                <td className={TD}>{pct(s.dropOffRate)}</td>
                <td className={TD}>{money(s.revenueLost)}</td>
                <td className={TD}>{duration(s.medianSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      {r.breakdown.length > 1 || r.breakdown[0]?.value !== null ? (
        <Section
          title="Breakdown"
          actions={
            <CsvButton
              filename="funnel-breakdown.csv"
              header={["value", ...r.steps.map((s) => `step_${s.step}`), "conversion"]}
              rows={r.breakdown.map((b) => [
                b.value ?? "(none)",
                ...b.counts,
                pct(b.counts[0] ? (b.counts.at(-1) ?? 0) / b.counts[0] : 0),
              ])}
            />
          }
        >
          <table className="w-full text-sm" aria-label="Funnel breakdown">
            <thead className={THEAD}>
              <tr>
                <th className={TH}>Value</th>
                {r.steps.map((s) => (
                  <th key={s.step} className={TH}>
                    {s.step}. {s.event}
                  </th>
                ))}
                <th className={TH}>Conversion</th>
              </tr>
            </thead>
            <tbody>
              {r.breakdown.map((b) => (
                <tr key={b.value ?? "(none)"} className={ROW}>
                  <td className={TD}>{b.value ?? "(none)"}</td>
                  {b.counts.map((c, i) => (
                    <td key={r.steps[i]?.step} className={TD}>
                      {c}
                    </td>
                  ))}
                  <td className={TD}>{pct(b.counts[0] ? (b.counts.at(-1) ?? 0) / b.counts[0] : 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <Section
          title="Time to convert"
          actions={
            <CsvButton
              filename="funnel-time-to-convert.csv"
              header={["bucket", "units"]}
              rows={r.timeToConvert.map((t) => [t.bucket, t.count])}
            />
          }
        >
          <table className="w-full text-sm">
            <tbody>
              {r.timeToConvert.map((t) => (
                <tr key={t.bucket} className={ROW}>
                  <td className={TD}>{t.bucket}</td>
                  <td className={TD}>{t.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section
          title="Conversion over time"
          actions={
            <CsvButton
              filename="funnel-over-time.csv"
              header={["day", "entrants", "converted"]}
              rows={r.overTime.map((d) => [d.day, d.entrants, d.converted])}
            />
          }
        >
          <figure className="h-48 w-full" aria-label="Conversion per day">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart
                data={r.overTime.map((d) => ({
                  day: d.day,
                  conversion: d.entrants ? (100 * d.converted) / d.entrants : 0,
                }))}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" fontSize={11} />
                <YAxis unit="%" fontSize={11} width={40} />
                <Tooltip />
                <Line dataKey="conversion" stroke="#0284c7" dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </figure>
        </Section>
      </div>
      <details className="rounded border border-slate-200 p-3 text-sm dark:border-slate-800">
        <summary className="cursor-pointer font-medium">Explain this number</summary>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt>Counting unit</dt>
          <dd>{r.explain.unit}</dd>
          <dt>Window start</dt>
          <dd>{r.explain.windowStart}</dd>
          <dt>Order</dt>
          <dd>{r.explain.order}</dd>
          <dt>Timezone</dt>
          <dd>{r.explain.timezone}</dd>
          <dt>Read from</dt>
          <dd>
            {r.explain.path === "cube"
              ? "standard-funnel cube"
              : r.explain.path === "rollup"
                ? "session rollup"
                : "raw events"}{" "}
            — {r.explain.reason}
          </dd>
          <dt>Scanned</dt>
          <dd>
            {r.explain.scanned.from} → {r.explain.scanned.to}
          </dd>
          <dt>Took</dt>
          <dd>{r.explain.ms} ms</dd>
        </dl>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          Each step counts at its first occurrence in the unit (the n-th for a step repeated n times); breakdown values
          and the product value behind "revenue lost" are the unit's first seen.
        </p>
        <pre className="mt-2 max-h-80 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
          {r.explain.sql}
        </pre>
      </details>
    </div>
  );
}
