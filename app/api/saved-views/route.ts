// GET /api/saved-views — the caller's saved findings views (analysts, admins)
// POST /api/saved-views — save the findings filter under a name; the same name replaces it (analysts, admins)

import { listSavedViews, saveView } from "@/lib/findings";
import { withRoute } from "@/lib/http/with-route";
import { SavedViewInput } from "@/lib/schemas/saved-views";

export const GET = withRoute({ auth: ["analysts", "admins"] }, async ({ ctx, principal }) =>
  listSavedViews({ ctx: { db: ctx.db, principal } }),
);

export const POST = withRoute(
  { auth: ["analysts", "admins"], body: SavedViewInput },
  async ({ ctx, principal, body }) => saveView({ ctx: { db: ctx.db, principal }, input: body }),
);
