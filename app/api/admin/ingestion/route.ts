// GET /api/admin/ingestion — lake ETL runs, per-source counts, quarantine samples (admins)
import { withRoute } from "@/lib/http/with-route";
import { getIngestionStatus } from "@/lib/lake/get-ingestion-status";

export const GET = withRoute({ auth: ["admins"] }, async ({ ctx, principal }) =>
  getIngestionStatus({ ctx: { db: ctx.db, principal } }),
);
