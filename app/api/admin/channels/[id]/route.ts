// DELETE /api/admin/channels/:id — remove a channel and its sealed secret (audited)
import { IdParams, withRoute } from "@/lib/http/with-route";
import { deleteChannel } from "@/lib/notify/channels";

export const DELETE = withRoute({ auth: ["admins"], params: IdParams }, async ({ ctx, principal, params }) => {
  await deleteChannel({ ctx: { db: ctx.db, principal }, id: params.id });
  return { deleted: params.id };
});
