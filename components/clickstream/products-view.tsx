"use client";

import { useProductReportQuery } from "@/components/hooks/queries/use-clickstream-query";
import { CsvButton } from "@/components/ui/csv-button";
import { ScrollArea } from "@/components/ui/scroll-area";
import { ROW, TableHead, TD } from "@/components/ui/table";
import { daysAgo, useUrlState } from "../hooks/use-url-state";
import { productColumns } from "./product-columns";
import { ProductFilters } from "./product-filters";

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
  const { data, isError, error } = useProductReportQuery(search.toString());
  const cols = productColumns(q.groupBy);
  return (
    <div className="flex flex-col gap-4">
      <ProductFilters values={q} onApply={set}>
        {data ? (
          <CsvButton
            filename="products.csv"
            header={cols.map((c) => c[0])}
            rows={data.map((r) => cols.map((c) => c[1](r)))}
          />
        ) : null}
      </ProductFilters>
      {isError ? <p role="alert">{error.message}</p> : null}
      {data ? (
        <ScrollArea className="overflow-x-auto">
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
        </ScrollArea>
      ) : (
        <p>Loading…</p>
      )}
    </div>
  );
}
