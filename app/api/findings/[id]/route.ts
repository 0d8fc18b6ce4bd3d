// GET /api/findings/:id — a finding with related activity, notes and history (analysts, admins)
// PATCH /api/findings/:id — triage: status, assignee, note (analysts, admins; audited)

import { getFinding, updateTriage } from "@/lib/findings";
import { IdParams, withRoute } from "@/lib/http/with-route";
import { withSignal } from "@/lib/ports/lake-query";
import { TriageInput } from "@/lib/schemas/triage";

export const GET = withRoute(
  { auth: ["analysts", "admins"], params: IdParams },
  async ({ req, ctx, principal, params }) =>
    getFinding({ ctx: { db: ctx.db, lake: withSignal(ctx.lake, req.signal), principal }, id: params.id }),
);

export const PATCH = withRoute(
  { auth: ["analysts", "admins"], params: IdParams, body: TriageInput },
  async ({ ctx, principal, params, body }) =>
    updateTriage({ ctx: { db: ctx.db, principal }, id: params.id, input: body }),
);
