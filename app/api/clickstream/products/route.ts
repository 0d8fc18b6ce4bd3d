// GET /api/clickstream/products — product funnel per product/category/brand from the product-day rollup (admins)
import { getProductReport } from "@/lib/clickstream/get-product-report";
import { withRoute } from "@/lib/http/with-route";
import { ProductReportQuery } from "@/lib/schemas/clickstream-reports";

export const GET = withRoute(
  { auth: ["admins"], heavy: true, query: ProductReportQuery },
  async ({ ctx, principal, query }) => getProductReport({ ctx: { db: ctx.db, principal }, input: query }),
);
