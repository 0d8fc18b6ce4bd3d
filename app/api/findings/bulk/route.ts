// POST /api/findings/bulk — one status (with its reason) and/or assignee for several findings (analysts, admins; audited per finding)

import { bulkTriage } from "@/lib/findings";
import { withRoute } from "@/lib/http/with-route";
import { BulkTriageInput } from "@/lib/schemas/triage";

export const POST = withRoute(
  { auth: ["analysts", "admins"], body: BulkTriageInput },
  async ({ ctx, principal, body }) => bulkTriage({ ctx: { db: ctx.db, principal }, input: body }),
);
