// POST /api/detections/rules/:id/backtest — what the rule would have raised over the last N days, creating nothing (analysts, admins; heavy)
import { backtestRule } from "@/lib/detections/backtest-rule";
import { withRoute } from "@/lib/http/with-route";
import { withSignal } from "@/lib/ports/lake-query";
import { BacktestInput, RuleParams } from "@/lib/schemas/detections";

export const POST = withRoute(
  { auth: ["analysts", "admins"], params: RuleParams, body: BacktestInput, heavy: true },
  async ({ req, ctx, principal, params, body }) =>
    backtestRule({
      ctx: { ...ctx, lake: withSignal(ctx.lake, req.signal), principal },
      input: { ...body, id: params.id },
    }),
);
