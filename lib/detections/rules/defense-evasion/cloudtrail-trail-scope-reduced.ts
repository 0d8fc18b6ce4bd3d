import { FIXTURE } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { apiCall, DENIED, isOff, okFrom } from "./shared";

const TRAIL = `arn:aws:cloudtrail:${FIXTURE.region}:${FIXTURE.account}:trail/org-trail`;

/** The UpdateTrail switches that narrow what a trail sees: other regions, global services, member accounts. */
const NARROWING = ["isMultiRegionTrail", "includeGlobalServiceEvents", "isOrganizationTrail"] as const;

const updateTrail = (params: Record<string, unknown>, more = {}) =>
  apiCall("cloudtrail.amazonaws.com", "UpdateTrail", { name: TRAIL, ...params }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "cloudtrail-trail-scope-reduced",
  version: 1,
  title: "CloudTrail trail narrowed to fewer regions, services or accounts",
  severity: 4,
  description:
    "UpdateTrail turned off multi-region logging, global service events (IAM, STS, CloudFront) or organization-wide logging: activity in other regions, in IAM or in member accounts is no longer recorded by this trail.",
  tactic: "defense-evasion",
  techniques: ["T1562.008", "T1535"],
  events: ["UpdateTrail"],
  match: (e) => okFrom(e, "cloudtrail.amazonaws.com") && NARROWING.some((k) => isOff(e.req?.[k])),
  resource: (e) => ({ type: "AwsCloudTrailTrail", id: e.param("name") || null }),
  runbook: {
    check: [
      "Which switch was turned off, and whether another trail still covers all regions, IAM and every member account.",
      "What the same principal did next in regions or accounts that are no longer recorded.",
    ],
    contain: [
      "Restore the setting with UpdateTrail and guard it with a service control policy denying cloudtrail:UpdateTrail outside the platform role.",
    ],
    falsePositives: [
      "Consolidating logging onto an organization trail can narrow an account's own trail on purpose; confirm the organization trail covers it, then add a short-lived exception.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events",
  ],
  fixtures: {
    fire: [updateTrail({ isMultiRegionTrail: false }), updateTrail({ includeGlobalServiceEvents: false })],
    quiet: [
      updateTrail({ isMultiRegionTrail: true, includeGlobalServiceEvents: true }),
      updateTrail({ isMultiRegionTrail: false }, DENIED),
    ],
  },
};
