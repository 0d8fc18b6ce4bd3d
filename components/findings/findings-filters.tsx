"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { TACTIC_IDS, TACTICS } from "@/lib/schemas/attack";
import { buildExportHref, setTextFilters, TEXT_FILTERS } from "./findings-params";
import type { FindingsNavigation } from "./use-findings-navigation";

const INPUT = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";
/** Two fields to a row on a phone, so the results come sooner. */
const HALF = "w-[calc(50%-0.25rem)] sm:w-auto";

/** The ATT&CK tactic (applies at once) and, when the URL names one, the rule whose findings are shown. */
function TacticAndRuleFilters({ nav: { params, navigate } }: { nav: FindingsNavigation }) {
  return (
    <>
      <label className="flex flex-col text-xs">
        Tactic
        <select
          name="tactic"
          value={params.get("tactic") ?? ""}
          onChange={(e) => navigate((p) => (e.target.value ? p.set("tactic", e.target.value) : p.delete("tactic")))}
          className={INPUT}
        >
          <option value="">Every tactic</option>
          {TACTIC_IDS.map((t) => (
            <option key={t} value={t}>
              {TACTICS[t].name}
            </option>
          ))}
        </select>
      </label>
      {params.get("rule") ? (
        <span
          className="flex items-center gap-1 rounded bg-sky-100 px-2 py-1 text-xs dark:bg-sky-900/40"
          data-testid="rule-filter"
        >
          Rule: <Link href={`/rules/${encodeURIComponent(params.get("rule") ?? "")}`}>{params.get("rule")}</Link>
          <button type="button" aria-label="Clear the rule filter" onClick={() => navigate((p) => p.delete("rule"))}>
            ×
          </button>
        </span>
      ) : null}
    </>
  );
}

/** Text filters apply together on submit; dates and sort apply as soon as they change. */
export function FindingsFilters({ nav }: { nav: FindingsNavigation }) {
  const { params, navigate } = nav;
  const [draft, setDraft] = useState(() => Object.fromEntries(TEXT_FILTERS.map(([k]) => [k, params.get(k) ?? ""])));
  const applyText = (e: FormEvent) => {
    e.preventDefault();
    navigate((p) => setTextFilters(p, draft));
  };
  return (
    <form onSubmit={applyText} className="flex flex-wrap items-end gap-2" aria-label="Filters">
      {TEXT_FILTERS.map(([key, label]) => (
        <label key={key} className={`flex flex-col text-xs ${HALF}`}>
          {label}
          <input
            name={key}
            value={draft[key] ?? ""}
            onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            className={`${INPUT} w-full sm:w-auto`}
          />
        </label>
      ))}
      {(["from", "to"] as const).map((key) => (
        <label key={key} className={`flex flex-col text-xs ${HALF}`}>
          {key === "from" ? "From" : "To"}
          <input
            type="date"
            name={key}
            defaultValue={params.get(key)?.slice(0, 10) ?? ""}
            onChange={(e) => navigate((p) => (e.target.value ? p.set(key, e.target.value) : p.delete(key)))}
            className={`${INPUT} w-full sm:w-auto`}
          />
        </label>
      ))}
      <TacticAndRuleFilters nav={nav} />
      <label className="flex flex-col text-xs">
        Sort
        <select
          name="sort"
          value={params.get("sort") ?? "last_seen"}
          onChange={(e) => navigate((p) => p.set("sort", e.target.value))}
          className={INPUT}
        >
          <option value="last_seen">Last seen</option>
          <option value="severity">Severity</option>
        </select>
      </label>
      <Button type="submit">Apply</Button>
      <a className="text-sm text-sky-700 underline dark:text-sky-400" href={buildExportHref(params)}>
        Export CSV
      </a>
      <Link className="text-sm text-sky-700 underline dark:text-sky-400" href="/suppressions">
        Suppression rules
      </Link>
    </form>
  );
}
