// WAF web ACL rules for the CloudFront distribution (plain data; infra/web.ts uses it).

export interface WafRule {
  name: string;
  priority: number;
  overrideAction?: { none: Record<string, never> };
  action?: { block: Record<string, never> };
  statement: Record<string, unknown>;
  visibilityConfig: { cloudwatchMetricsEnabled: true; sampledRequestsEnabled: true; metricName: string };
}

const visibility = (metricName: string) =>
  ({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName }) as const;

/** AWS managed common + known-bad-inputs rule sets, then a per-IP rate limit (requests per 5 minutes). */
export function wafRules(ratePer5Min: number): WafRule[] {
  const managed = (name: string, priority: number): WafRule => ({
    name,
    priority,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: "AWS", name } },
    visibilityConfig: visibility(name),
  });
  return [
    managed("AWSManagedRulesCommonRuleSet", 1),
    managed("AWSManagedRulesKnownBadInputsRuleSet", 2),
    {
      name: "PerIpRateLimit",
      priority: 3,
      action: { block: {} },
      statement: { rateBasedStatement: { limit: ratePer5Min, aggregateKeyType: "IP" } },
      visibilityConfig: visibility("PerIpRateLimit"),
    },
  ];
}
