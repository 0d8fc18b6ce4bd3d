// GET /api/clickstream/sessions/:id — one session's events in order, and the sign-in its browser is merged by (admins)
import { z } from "zod";
import { getSessionTimeline } from "@/lib/clickstream/get-session-timeline";
import { withRoute } from "@/lib/http/with-route";

export const GET = withRoute(
  { auth: ["admins"], params: z.object({ id: z.string().min(1).max(128) }) },
  async ({ ctx, principal, params }) => getSessionTimeline({ ctx: { db: ctx.db, principal }, sessionId: params.id }),
);
