// GET /api/detections/rules/:id — one rule: runbook, references, exceptions, SQL (analysts, admins)
// PATCH /api/detections/rules/:id — turn it on or off, override its severity (admins; audited)
import { getRule } from "@/lib/detections/get-rule";
import { updateRule } from "@/lib/detections/update-rule";
import { withRoute } from "@/lib/http/with-route";
import { withSignal } from "@/lib/ports/lake-query";
import { RuleParams, UpdateRuleInput } from "@/lib/schemas/detections";

export const GET = withRoute(
  { auth: ["analysts", "admins"], params: RuleParams },
  async ({ req, ctx, principal, params }) =>
    getRule({ ctx: { ...ctx, lake: withSignal(ctx.lake, req.signal), principal }, input: params }),
);

export const PATCH = withRoute(
  { auth: ["admins"], params: RuleParams, body: UpdateRuleInput },
  async ({ ctx, principal, params, body }) =>
    updateRule({ ctx: { ...ctx, principal }, input: { ...body, id: params.id } }),
);
