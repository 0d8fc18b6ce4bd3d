import type { ReactNode } from "react";
import { FIELD, Labelled } from "@/components/ui/field";
import { PRODUCT_GROUPS, PRODUCT_SORTS } from "@/lib/schemas/clickstream-reports";

export interface ProductFilterValues {
  from: string;
  to: string;
  groupBy: string;
  sort: string;
  category: string;
  brand: string;
  search: string;
}

const TEXT_LABELS = { category: "Category", brand: "Brand", search: "Product name or id" } as const;

/** Uncontrolled filters applied together on submit; `children` sit after the Apply button. */
export function ProductFilters({
  values: q,
  onApply,
  children,
}: {
  values: ProductFilterValues;
  onApply: (patch: Record<string, string>) => void;
  children?: ReactNode;
}) {
  return (
    <form
      aria-label="Product report filters"
      className="flex flex-wrap items-end gap-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        onApply(Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v)])));
      }}
    >
      {(["from", "to"] as const).map((k) => (
        <Labelled key={k} label={k === "from" ? "From" : "To"}>
          <input type="date" name={k} defaultValue={q[k]} className={FIELD} />
        </Labelled>
      ))}
      <Labelled label="Per">
        <select name="groupBy" defaultValue={q.groupBy} className={FIELD}>
          {PRODUCT_GROUPS.map((g) => (
            <option key={g}>{g}</option>
          ))}
        </select>
      </Labelled>
      {(["category", "brand", "search"] as const).map((k) => (
        <Labelled key={k} label={TEXT_LABELS[k]}>
          <input name={k} defaultValue={q[k]} className={FIELD} />
        </Labelled>
      ))}
      <Labelled label="Sort by">
        <select name="sort" defaultValue={q.sort} className={FIELD}>
          {PRODUCT_SORTS.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </Labelled>
      <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 font-medium text-white hover:bg-sky-800">
        Apply
      </button>
      {children}
    </form>
  );
}
