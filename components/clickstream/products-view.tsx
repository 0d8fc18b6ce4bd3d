"use client";

import { useQuery } from "@tanstack/react-query";
import { CsvButton } from "@/components/ui/csv-button";
import { FIELD, Labelled } from "@/components/ui/field";
import { ROW, TableHead, TD } from "@/components/ui/table";
import { PRODUCT_GROUPS, PRODUCT_SORTS, type ProductReportRow } from "@/lib/schemas/clickstream-reports";
import { apiFetch } from "../hooks/api-fetch";
import { daysAgo, useUrlState } from "../hooks/use-url-state";

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

/** Views → carts → checkouts → purchases per product, category or brand (from the product-day rollup). */
export function ProductsView() {
  const [q, set] = useUrlState({
    from: daysAgo(29),
    to: daysAgo(0),
    groupBy: "product",
    sort: "views",
    dir: "desc",
    category: "",
    brand: "",
    search: "",
  });
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
          <Labelled key={k} label={k === "search" ? "Product name or id" : k === "category" ? "Category" : "Brand"}>
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
          <TableHead columns={cols.map((c) => c[0])} />
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
