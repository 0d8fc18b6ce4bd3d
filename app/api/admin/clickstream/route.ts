// GET /api/admin/clickstream — pipeline status: ingest per hour, ETL runs, lag, quarantine, loss rate (admins)
import { getPipelineStatus } from "@/lib/clickstream/get-pipeline-status";
import { withRoute } from "@/lib/http/with-route";

export const GET = withRoute({ auth: ["admins"] }, async ({ ctx, principal }) =>
  getPipelineStatus({ ctx: { db: ctx.db, raw: ctx.clickstreamRaw, principal } }),
);
