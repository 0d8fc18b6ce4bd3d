// GET /api/clickstream/funnels/:id — one saved funnel; PATCH {name} renames it; DELETE deletes it
// (admins; renaming and deleting are for the person who saved it, and audited)
import { deleteSavedFunnel, getSavedFunnel, renameSavedFunnel } from "@/lib/clickstream/saved-funnels";
import { withRoute } from "@/lib/http/with-route";
import { RenameFunnelBody, SavedFunnelParams } from "@/lib/schemas/clickstream-reports";

export const GET = withRoute({ auth: ["admins"], params: SavedFunnelParams }, async ({ ctx, principal, params }) =>
  getSavedFunnel({ ctx: { db: ctx.db, principal }, id: params.id }),
);

export const PATCH = withRoute(
  { auth: ["admins"], params: SavedFunnelParams, body: RenameFunnelBody },
  async ({ ctx, principal, params, body }) =>
    renameSavedFunnel({ ctx: { db: ctx.db, principal }, id: params.id, name: body.name }),
);

export const DELETE = withRoute({ auth: ["admins"], params: SavedFunnelParams }, async ({ ctx, principal, params }) =>
  deleteSavedFunnel({ ctx: { db: ctx.db, principal }, id: params.id }),
);
