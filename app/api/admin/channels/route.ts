// GET /api/admin/channels — notification channels (secrets never returned)
// POST /api/admin/channels — add a Slack, Telegram or e-mail channel; its secret is sealed at rest (audited)
import { withRoute } from "@/lib/http/with-route";
import { createChannel, listChannels } from "@/lib/notify/channels";
import { ChannelInput } from "@/lib/schemas/notifications";

export const GET = withRoute({ auth: ["admins"] }, async ({ ctx, principal }) =>
  listChannels({ ctx: { db: ctx.db, principal }, email: ctx.incidents.notify.transport.email !== null }),
);

export const POST = withRoute({ auth: ["admins"], body: ChannelInput }, async ({ ctx, principal, body }) =>
  createChannel({ ctx: { db: ctx.db, principal }, secrets: ctx.incidents.notify.secrets, input: body }),
);
