// GET /api/notifications/unread — how many in-app notifications the caller has not read (the navigation badge)
import { withRoute } from "@/lib/http/with-route";
import { countUnreadInApp } from "@/lib/notify/in-app";

export const GET = withRoute({ auth: ["analysts", "reviewers", "admins"] }, async ({ ctx, principal }) =>
  countUnreadInApp({ ctx: { db: ctx.db, principal } }),
);
