// DELETE /api/admin/api-keys/:id — revoke a key at once (admins; audited)
import { revokeApiKey } from "@/lib/auth/api-keys";
import { IdParams, withRoute } from "@/lib/http/with-route";

export const DELETE = withRoute({ auth: ["admins"], params: IdParams }, async ({ ctx, principal, params }) =>
  revokeApiKey({ ctx: { db: ctx.db, principal }, id: params.id }),
);
