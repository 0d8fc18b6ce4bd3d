// GET /api/notifications — the in-app notification centre, with the caller's read state (everyone signed in with a role)
import { withRoute } from "@/lib/http/with-route";
import { listInApp } from "@/lib/notify/in-app";

export const GET = withRoute({ auth: ["analysts", "reviewers", "admins"] }, async ({ ctx, principal }) =>
  listInApp({ ctx: { db: ctx.db, principal } }),
);
