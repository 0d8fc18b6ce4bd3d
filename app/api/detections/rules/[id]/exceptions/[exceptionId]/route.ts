// DELETE /api/detections/rules/:id/exceptions/:exceptionId — retire an exception (admins; soft delete, audited)
import { removeRuleException } from "@/lib/detections/remove-rule-exception";
import { withRoute } from "@/lib/http/with-route";
import { ExceptionParams } from "@/lib/schemas/detections";

export const DELETE = withRoute({ auth: ["admins"], params: ExceptionParams }, async ({ ctx, principal, params }) =>
  removeRuleException({ ctx: { ...ctx, principal }, input: params }),
);
