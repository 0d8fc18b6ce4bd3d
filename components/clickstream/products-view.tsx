"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { CsvButton } from "@/components/ui/csv-button";
import { ROW, TD, TH, THEAD } from "@/components/ui/table";
import { PRODUCT_GROUPS, PRODUCT_SORTS, type ProductReportRow } from "@/lib/schemas/clickstream-reports";
import { apiFetch } from "../hooks/api-fetch";

const FIELD = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";
const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** Views → carts → checkouts → purchases per product, category or brand (from the product-day rollup). */
export function ProductsView() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const q = {
    from: params.get("from") ?? day(29),
    to: params.get("to") ?? day(0),
    groupBy: params.get("groupBy") ?? "product",
    sort: params.get("sort") ?? "views",
    dir: params.get("dir") ?? "desc",
    category: params.get("category") ?? "",
    brand: params.get("brand") ?? "",
    search: params.get("search") ?? "",
  };
  const set = (patch: Partial<typeof q>) => {
    const next = new URLSearchParams({ ...q, ...patch });
    for (const [k, v] of [...next.entries()]) if (!v) next.delete(k);
    router.push(`${pathname}?${next.toString()}`);
  };
  const search = new URLSearchParams(Object.entries(q).filter(([, v]) => v));
  const { data, isError, error } = useQuery({
    queryKey: ["products", search.toString()],
    queryFn: ({ signal }) => apiFetch<ProductReportRow[]>(`/api/clickstream/products?${search.toString()}`, { signal }),
  });
  const cols: [string, (r: ProductReportRow) => string | number][] = [
    [q.groupBy, (r) => r.name ?? r.key],
    ["category", (r) => r.category ?? ""],
    ["brand", (r) => r.brand ?? ""],
    ["views", (r) => r.views],
    ["carts", (r) => r.carts],
    ["checkouts", (r) => r.checkouts],
    ["purchases", (r) => r.purchases],
    ["view→cart", (r) => pct(r.viewToCart)],
    ["cart→checkout", (r) => pct(r.cartToCheckout)],
    ["checkout→purchase", (r) => pct(r.checkoutToPurchase)],
    ["conversion", (r) => pct(r.conversion)],
    ["discounted conv.", (r) => pct(r.discountConversion)],
    ["full-price conv.", (r) => pct(r.fullPriceConversion)],
    ["revenue", (r) => r.revenue.toFixed(2)],
  ];
  return (
    <div className="flex flex-col gap-4">
      <form
        aria-label="Product report filters"
        className="flex flex-wrap items-end gap-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          set(Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v)])));
        }}
      >
        {(["from", "to"] as const).map((k) => (
          <label key={k} className="flex flex-col gap-1">
            {k === "from" ? "From" : "To"}
            <input type="date" name={k} defaultValue={q[k]} className={FIELD} />
          </label>
        ))}
        <label className="flex flex-col gap-1">
          Per
          <select name="groupBy" defaultValue={q.groupBy} className={FIELD}>
            {PRODUCT_GROUPS.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </label>
        {(["category", "brand", "search"] as const).map((k) => (
          <label key={k} className="flex flex-col gap-1">
            {k === "search" ? "Product name or id" : k[0]?.toUpperCase() + k.slice(1)}
            <input name={k} defaultValue={q[k]} className={FIELD} />
          </label>
        ))}
        <label className="flex flex-col gap-1">
          Sort by
          <select name="sort" defaultValue={q.sort} className={FIELD}>
            {PRODUCT_SORTS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-sky-600 px-3 py-2 font-medium text-white hover:bg-sky-700">
          Apply
        </button>
        {data ? (
          <CsvButton
            filename="products.csv"
            header={cols.map((c) => c[0])}
            rows={data.map((r) => cols.map((c) => c[1](r)))}
          />
        ) : null}
      </form>
      {isError ? <p role="alert">{error.message}</p> : null}
      {data ? (
        <table className="w-full text-sm" aria-label="Product report">
          <thead className={THEAD}>
            <tr>
              {cols.map(([h]) => (
                <th key={h} className={TH}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((r) => (
              <tr key={r.key} className={ROW}>
                {cols.map(([h, f]) => (
                  <td key={h} className={TD}>
                    {f(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Loading…</p>
      )}
    </div>
  );
}
