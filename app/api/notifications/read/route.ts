// POST /api/notifications/read — mark in-app notifications read or unread, or all read, for the caller only
import { withRoute } from "@/lib/http/with-route";
import { markInAppRead } from "@/lib/notify/in-app";
import { MarkReadInput } from "@/lib/schemas/notifications";

export const POST = withRoute(
  { auth: ["analysts", "reviewers", "admins"], body: MarkReadInput },
  async ({ ctx, principal, body }) => markInAppRead({ ctx: { db: ctx.db, principal }, input: body }),
);
