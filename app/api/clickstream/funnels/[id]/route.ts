// GET /api/clickstream/funnels/:id — one saved funnel (admins)
import { z } from "zod";
import { getSavedFunnel } from "@/lib/clickstream/saved-funnels";
import { withRoute } from "@/lib/http/with-route";

export const GET = withRoute(
  { auth: ["admins"], params: z.object({ id: z.string().uuid() }) },
  async ({ ctx, principal, params }) => getSavedFunnel({ ctx: { db: ctx.db, principal }, id: params.id }),
);
