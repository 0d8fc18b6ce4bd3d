// DELETE /api/suppressions/:id — retire a rule; its findings show again (analysts, admins; audited)
import { deleteSuppression } from "@/lib/findings";
import { IdParams, withRoute } from "@/lib/http/with-route";

export const DELETE = withRoute(
  { auth: ["analysts", "admins"], params: IdParams },
  async ({ ctx, principal, params }) => deleteSuppression({ ctx: { db: ctx.db, principal }, id: params.id }),
);
