// GET /api/admin/api-keys — keys for submitting systems (admins)
// POST /api/admin/api-keys — create one; the key is in this answer only (admins; audited)
import { ApiKeyInput, createApiKey, listApiKeys } from "@/lib/auth/api-keys";
import { withRoute } from "@/lib/http/with-route";

export const GET = withRoute({ auth: ["admins"] }, async ({ ctx, principal }) =>
  listApiKeys({ ctx: { db: ctx.db, principal } }),
);

export const POST = withRoute({ auth: ["admins"], body: ApiKeyInput }, async ({ ctx, principal, body }) =>
  createApiKey({ ctx: { db: ctx.db, principal }, input: body }),
);
