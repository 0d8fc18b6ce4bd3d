"use client";

import type { FindingsPage } from "@/lib/schemas/findings";
import type { Facet } from "@/lib/schemas/lake-view";
import type { FilterChange } from "./findings-params";

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

/** The most common values in the current result; picking one narrows the filter to it. */
export function FindingFacets({
  facets,
  navigate,
}: {
  facets: FindingsPage["facets"];
  navigate: (change: FilterChange) => void;
}) {
  return (
    <aside className="flex flex-col gap-4">
      <FacetList title="Top types" facets={facets.type} onPick={(v) => navigate((p) => p.set("type", v))} />
      <FacetList title="Accounts" facets={facets.account} onPick={(v) => navigate((p) => p.set("account", v))} />
      <FacetList title="Regions" facets={facets.region} onPick={(v) => navigate((p) => p.set("region", v))} />
    </aside>
  );
}
