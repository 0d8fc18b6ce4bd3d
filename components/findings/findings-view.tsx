"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useFindingsQuery } from "@/components/hooks/queries/use-findings-query";
import { Button } from "@/components/ui/button";
import { ROW, THEAD, TD as td, TH as th } from "@/components/ui/table";
import { type Facet, TRIAGE_STATUSES } from "@/lib/schemas/findings";
import { QueryStatsBar } from "./query-stats-bar";
import { SEVERITY_COLORS, SeverityChart } from "./severity-chart";

const SEVERITIES = [5, 4, 3, 2, 1];
const SEV_LABEL: Record<number, string> = { 1: "Info", 2: "Low", 3: "Medium", 4: "High", 5: "Critical" };
const STATUS_LABEL: Record<string, string> = {
  new: "New",
  in_progress: "In progress",
  resolved: "Resolved",
  suppressed: "Suppressed",
};
const TEXT_FILTERS = [
  ["q", "Search"],
  ["type", "Type"],
  ["resource", "Resource"],
  ["account", "Account"],
  ["region", "Region"],
] as const;

export function SeverityBadge({ severity }: { severity: number }) {
  return (
    <span
      className="inline-block rounded px-1.5 py-0.5 text-xs font-semibold text-slate-950"
      style={{ background: SEVERITY_COLORS[severity] }}
    >
      {SEV_LABEL[severity] ?? severity}
    </span>
  );
}

function FacetList({ title, facets, onPick }: { title: string; facets: Facet[]; onPick: (v: string) => void }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      <ul className="text-sm">
        {facets.slice(0, 8).map((f) => (
          <li key={f.value}>
            <button type="button" className="w-full truncate text-left hover:underline" onClick={() => onPick(f.value)}>
              {f.value} <span className="text-slate-500">({f.count.toLocaleString()})</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Filters live in the URL, so a view can be shared and survives reloads. */
export function FindingsView() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const search = params.toString();
  const { data, isError, error, isFetching } = useFindingsQuery(search);
  const [draft, setDraft] = useState(() => Object.fromEntries(TEXT_FILTERS.map(([k]) => [k, params.get(k) ?? ""])));

  const navigate = (mutate: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    next.delete("cursor");
    mutate(next);
    router.push(`${pathname}?${next.toString()}`);
  };
  const toggle = (key: string, value: string) =>
    navigate((p) => {
      const values = p.getAll(key);
      p.delete(key);
      for (const v of values.includes(value) ? values.filter((x) => x !== value) : [...values, value]) p.append(key, v);
    });
  const applyText = (e: FormEvent) => {
    e.preventDefault();
    navigate((p) => {
      for (const [k] of TEXT_FILTERS) {
        const v = draft[k]?.trim();
        if (v) p.set(k, v);
        else p.delete(k);
      }
    });
  };
  const severities = params.getAll("severity");
  const statuses = params.getAll("status");

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={applyText} className="flex flex-wrap items-end gap-2" aria-label="Filters">
        {TEXT_FILTERS.map(([key, label]) => (
          <label key={key} className="flex flex-col text-xs">
            {label}
            <input
              name={key}
              value={draft[key] ?? ""}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
              className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
            />
          </label>
        ))}
        {(["from", "to"] as const).map((key) => (
          <label key={key} className="flex flex-col text-xs">
            {key === "from" ? "From" : "To"}
            <input
              type="date"
              name={key}
              defaultValue={params.get(key)?.slice(0, 10) ?? ""}
              onChange={(e) => navigate((p) => (e.target.value ? p.set(key, e.target.value) : p.delete(key)))}
              className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
            />
          </label>
        ))}
        <label className="flex flex-col text-xs">
          Sort
          <select
            name="sort"
            value={params.get("sort") ?? "last_seen"}
            onChange={(e) => navigate((p) => p.set("sort", e.target.value))}
            className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="last_seen">Last seen</option>
            <option value="severity">Severity</option>
          </select>
        </label>
        <Button type="submit">Apply</Button>
        <a
          className="text-sm text-sky-700 underline dark:text-sky-400"
          href={`/api/findings/export?${new URLSearchParams([...params].filter(([k]) => k !== "cursor")).toString()}`}
        >
          Export CSV
        </a>
        <Link className="text-sm text-sky-700 underline dark:text-sky-400" href="/suppressions">
          Suppression rules
        </Link>
      </form>

      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Severity and status</legend>
        {SEVERITIES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={severities.includes(String(s))}
            onClick={() => toggle("severity", String(s))}
            className={`rounded-full border px-3 py-1 text-sm ${severities.includes(String(s)) ? "border-sky-600 bg-sky-50 dark:bg-sky-950" : "border-slate-300 dark:border-slate-700"}`}
          >
            {SEV_LABEL[s]}
          </button>
        ))}
        <span className="mx-2 border-l border-slate-300 dark:border-slate-700" />
        {TRIAGE_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={statuses.includes(s)}
            onClick={() => toggle("status", s)}
            className={`rounded-full border px-3 py-1 text-sm ${statuses.includes(s) ? "border-sky-600 bg-sky-50 dark:bg-sky-950" : "border-slate-300 dark:border-slate-700"}`}
          >
            {STATUS_LABEL[s]}
          </button>
        ))}
      </fieldset>

      {isError ? <p role="alert">{error.message}</p> : null}
      {!data ? (
        <p>Loading…</p>
      ) : (
        <>
          <QueryStatsBar stats={data.stats} />
          <SeverityChart timeline={data.timeline} />
          <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
            <aside className="flex flex-col gap-4">
              <FacetList
                title="Top types"
                facets={data.facets.type}
                onPick={(v) => navigate((p) => p.set("type", v))}
              />
              <FacetList
                title="Accounts"
                facets={data.facets.account}
                onPick={(v) => navigate((p) => p.set("account", v))}
              />
              <FacetList
                title="Regions"
                facets={data.facets.region}
                onPick={(v) => navigate((p) => p.set("region", v))}
              />
            </aside>
            <section aria-label="Findings" aria-busy={isFetching}>
              <table className="w-full text-sm">
                <thead className={THEAD}>
                  <tr>
                    <th className={th}>Severity</th>
                    <th className={th}>Finding</th>
                    <th className={th}>Resource</th>
                    <th className={th}>Account / region</th>
                    <th className={th}>Last seen</th>
                    <th className={th}>Status</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((f) => (
                    <tr key={f.findingId} className={ROW}>
                      <td className={td}>
                        <SeverityBadge severity={f.severity} />
                      </td>
                      <td className={td}>
                        <Link
                          className="font-medium text-sky-700 hover:underline dark:text-sky-400"
                          href={`/findings/${encodeURIComponent(f.findingId)}`}
                        >
                          {f.title}
                        </Link>
                        <div className="text-xs text-slate-500">
                          {f.type}
                          {f.count > 1 ? ` · seen ${f.count}×` : ""}
                        </div>
                      </td>
                      <td className={`${td} max-w-56 truncate`}>{f.resourceId ?? f.principal ?? "—"}</td>
                      <td className={td}>
                        {f.accountId ?? "—"} · {f.region ?? "—"}
                      </td>
                      <td className={td}>{new Date(f.lastSeen).toLocaleString()}</td>
                      <td className={td} data-testid="status">
                        {STATUS_LABEL[f.status]}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {data.items.length === 0 ? <p className="mt-3 text-sm">No findings match this filter.</p> : null}
              <div className="mt-3 flex gap-2">
                {params.get("cursor") ? (
                  <Button variant="secondary" onClick={() => navigate(() => undefined)}>
                    First page
                  </Button>
                ) : null}
                {data.nextCursor ? (
                  <Button
                    variant="secondary"
                    onClick={() => {
                      const next = new URLSearchParams(params);
                      next.set("cursor", data.nextCursor ?? "");
                      router.push(`${pathname}?${next.toString()}`);
                    }}
                  >
                    Next page
                  </Button>
                ) : null}
              </div>
            </section>
          </div>
        </>
      )}
    </div>
  );
}
