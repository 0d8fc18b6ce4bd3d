// DELETE /api/saved-views/:id — delete one of the caller's saved findings views (analysts, admins)

import { deleteSavedView } from "@/lib/findings";
import { IdParams, withRoute } from "@/lib/http/with-route";

export const DELETE = withRoute(
  { auth: ["analysts", "admins"], params: IdParams },
  async ({ ctx, principal, params }) => deleteSavedView({ ctx: { db: ctx.db, principal }, id: params.id }),
);
