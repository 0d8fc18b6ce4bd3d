import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const ZONE = "Z0123456789ABCDEFGHIJ";

const zoneCall = (eventName: string, errorCode?: string) =>
  trailRecord({
    eventSource: "route53.amazonaws.com",
    eventName,
    requestParameters: { id: ZONE },
    responseElements: errorCode
      ? null
      : { changeInfo: { id: "/change/C2682N5HXP0BZ4", status: "PENDING", submittedAt: "Nov 20, 2026, 10:05:00 AM" } },
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "route53-hosted-zone-deleted",
  version: 1,
  title: "Route 53 hosted zone deleted",
  severity: 3,
  description:
    "A Route 53 hosted zone was deleted. Every record in it stops resolving once resolvers' caches expire, taking down the sites and services under that domain, and a public zone recreated later gets new name servers.",
  tactic: "impact",
  techniques: ["T1485", "T1489"],
  events: ["DeleteHostedZone"],
  match: (e) => e.ok && e.source === "route53.amazonaws.com",
  resource: (e) => ({ type: "AwsRoute53HostedZone", id: e.param("id") || null }),
  runbook: {
    check: [
      "Which domain the zone served (GetHostedZone is gone; look for its creation event or infrastructure code) and whether it was public or private.",
      "Whether the principal also deleted record sets (ChangeResourceRecordSets with DELETE) just before, since a zone must be empty to be deleted.",
    ],
    contain: [
      "Recreate the zone and its records from infrastructure code or a zone export, and update the domain's name servers at the registrar if it was public.",
    ],
    falsePositives: ["Tear-down of test and preview environments; add an exception for the deploying role."],
  },
  references: ["https://docs.aws.amazon.com/Route53/latest/APIReference/API_DeleteHostedZone.html"],
  fixtures: {
    fire: [zoneCall("DeleteHostedZone")],
    quiet: [zoneCall("DeleteHostedZone", "HostedZoneNotEmpty"), zoneCall("GetHostedZone")],
  },
};
