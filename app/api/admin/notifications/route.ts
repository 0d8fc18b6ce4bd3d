// GET /api/admin/notifications — the outbox: every decision on every channel with the exact payload (admins)
import { withRoute } from "@/lib/http/with-route";
import { listOutbox } from "@/lib/notify/channels";
import { OutboxQuery } from "@/lib/schemas/notifications";

export const GET = withRoute({ auth: ["admins"], query: OutboxQuery }, async ({ ctx, principal, query }) =>
  listOutbox({ ctx: { db: ctx.db, principal }, input: query }),
);
