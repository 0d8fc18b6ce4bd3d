// POST /api/admin/channels/:id/test — send a test message through the channel now and report the transport's answer (admins; audited)
import { IdParams, withRoute } from "@/lib/http/with-route";
import { testChannel } from "@/lib/notify/channels";

export const POST = withRoute({ auth: ["admins"], params: IdParams }, async ({ ctx, principal, params }) =>
  testChannel({ ctx: { db: ctx.db, principal }, notify: ctx.incidents.notify, id: params.id }),
);
