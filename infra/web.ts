// The Next.js app behind CloudFront (OAC for its assets, via sst.aws.Router) with a WAF web ACL
// (./waf), in the VPC to reach the database, linked to what it uses.
import type { Permission } from "./policies";
import type { StageSettings } from "./stage";
import { wafRules } from "./waf";

export function web(o: {
  settings: StageSettings;
  vpc: sst.aws.Vpc;
  environment: Record<string, $util.Input<string>>;
  link: unknown[];
  permissions: $util.Input<Permission[]>;
}) {
  // CloudFront web ACLs live in us-east-1.
  const usEast1 = new aws.Provider("UsEast1", { region: "us-east-1" });
  const acl = new aws.wafv2.WebAcl(
    "WebAcl",
    {
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      rules: wafRules(o.settings.wafRateLimit) as never,
      visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: "sightline-web" },
    },
    { provider: usEast1 },
  );
  const router = new sst.aws.Router("Router", {
    ...(o.settings.domain ? { domain: o.settings.domain } : {}),
    transform: {
      cdn: (args) => {
        args.webAclArn = acl.arn;
      },
    },
  });
  const site = new sst.aws.Nextjs("Web", {
    vpc: o.vpc,
    link: o.link as never,
    router: { instance: router },
    // The app's own origin: links in notifications, and the only origin signed-in writes may come from.
    environment: { SIGHTLINE_BACKEND: "aws", SIGHTLINE_APP_URL: router.url, ...o.environment },
    permissions: o.permissions,
  });
  return { site, router, acl };
}
