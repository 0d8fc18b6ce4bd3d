// POST /api/detections/rules/:id/exceptions — the rule leaves a principal, resource or address alone (admins; audited)
import { addRuleException } from "@/lib/detections/add-rule-exception";
import { withRoute } from "@/lib/http/with-route";
import { AddExceptionInput, RuleParams } from "@/lib/schemas/detections";

export const POST = withRoute(
  { auth: ["admins"], params: RuleParams, body: AddExceptionInput },
  async ({ ctx, principal, params, body }) => ({
    exception: await addRuleException({ ctx: { ...ctx, principal }, input: { ...body, id: params.id } }),
  }),
);
