import { formatPercent } from "@/components/ui/format";
import type { ProductReportRow } from "@/lib/schemas/clickstream-reports";

export type ProductColumn = [title: string, cell: (r: ProductReportRow) => string | number];

/** The product report's columns, shared by the table and its CSV; the first names what a row is per. */
export const productColumns = (groupBy: string): ProductColumn[] => [
  [groupBy, (r) => r.name ?? r.key],
  ["category", (r) => r.category ?? ""],
  ["brand", (r) => r.brand ?? ""],
  ["views", (r) => r.views],
  ["carts", (r) => r.carts],
  ["checkouts", (r) => r.checkouts],
  ["purchases", (r) => r.purchases],
  ["view→cart", (r) => formatPercent(r.viewToCart)],
  ["cart→checkout", (r) => formatPercent(r.cartToCheckout)],
  ["checkout→purchase", (r) => formatPercent(r.checkoutToPurchase)],
  ["conversion", (r) => formatPercent(r.conversion)],
  ["discounted conv.", (r) => formatPercent(r.discountConversion)],
  ["full-price conv.", (r) => formatPercent(r.fullPriceConversion)],
  ["revenue", (r) => r.revenue.toFixed(2)],
];
