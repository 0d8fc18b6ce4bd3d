// GET /api/clickstream/funnels — saved funnels; POST — save one {name, definition} (admins; audited)
import { listSavedFunnels, saveFunnel } from "@/lib/clickstream/saved-funnels";
import { withRoute } from "@/lib/http/with-route";
import { SaveFunnelBody } from "@/lib/schemas/clickstream-reports";

export const GET = withRoute({ auth: ["admins"] }, async ({ ctx, principal }) =>
  listSavedFunnels({ ctx: { db: ctx.db, principal } }),
);

export const POST = withRoute({ auth: ["admins"], body: SaveFunnelBody }, async ({ ctx, principal, body }) =>
  Response.json(await saveFunnel({ ctx: { db: ctx.db, principal }, input: body }), { status: 201 }),
);
