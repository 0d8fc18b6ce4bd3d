// POST /api/admin/clickstream/etl — "run now": load raw clickstream hours not loaded yet (admins)
import { runWarehouseEtl } from "@/lib/clickstream/run-warehouse-etl";
import { withRoute } from "@/lib/http/with-route";

export const POST = withRoute({ auth: ["admins"] }, async ({ ctx, principal }) =>
  runWarehouseEtl({
    db: ctx.db,
    raw: ctx.clickstreamRaw,
    trigger: `admin:${principal.email}`,
    copy: ctx.clickstreamCopy,
  }),
);
