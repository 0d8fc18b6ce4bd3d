"use client";

import type { FindingsPage } from "@/lib/schemas/findings";
import type { Facet } from "@/lib/schemas/lake-view";
import type { FilterChange } from "./findings-params";

/** A long value (a finding type) wraps, so all of it and its count always show. */
function FacetList({ title, facets, onPick }: { title: string; facets: Facet[]; onPick: (v: string) => void }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{title}</h3>
      <ul className="flex flex-col gap-0.5 text-sm">
        {facets.slice(0, 8).map((f) => (
          <li key={f.value}>
            <button
              type="button"
              className="w-full text-left [overflow-wrap:anywhere] hover:underline"
              onClick={() => onPick(f.value)}
            >
              {f.value}{" "}
              <span className="whitespace-nowrap text-slate-600 dark:text-slate-400">({f.count.toLocaleString()})</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The most common values in the current result; picking one narrows the filter to it. */
export function FindingFacets({
  facets,
  navigate,
}: {
  facets: FindingsPage["facets"];
  navigate: (change: FilterChange) => void;
}) {
  return (
    <aside className="flex min-w-0 flex-col gap-4" aria-label="Most common values">
      <FacetList title="Top types" facets={facets.type} onPick={(v) => navigate((p) => p.set("type", v))} />
      <FacetList title="Accounts" facets={facets.account} onPick={(v) => navigate((p) => p.set("account", v))} />
      <FacetList title="Regions" facets={facets.region} onPick={(v) => navigate((p) => p.set("region", v))} />
    </aside>
  );
}
