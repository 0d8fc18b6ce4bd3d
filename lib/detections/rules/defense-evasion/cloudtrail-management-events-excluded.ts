import { FIXTURE } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, asList, asObject, DENIED, isOff, okFrom } from "./shared";

const TRAIL = `arn:aws:cloudtrail:${FIXTURE.region}:${FIXTURE.account}:trail/org-trail`;

/** A basic selector records management write calls unless it excludes management events or keeps reads only. */
const basicKeepsWrites = (s: unknown): boolean => {
  const o = asObject(s);
  if (!o || isOff(o.includeManagementEvents)) return false;
  const rw = o.readWriteType ?? "All";
  return rw === "All" || rw === "WriteOnly";
};

const fieldsOf = (s: unknown) => asList(asObject(s)?.fieldSelectors).map(asObject);

/** An advanced selector records management write calls: category Management, not limited to readOnly true. */
const advancedKeepsWrites = (s: unknown): boolean => {
  const fields = fieldsOf(s);
  const management = fields.some((f) => f?.field === "eventCategory" && asList(f.equals).includes("Management"));
  const readsOnly = fields.some((f) => f?.field === "readOnly" && asList(f.equals).includes("true"));
  return management && !readsOnly;
};

/** The new selectors leave the trail without management write events. */
function dropsManagementWrites(e: TrailEvent): boolean {
  const basic = e.req?.eventSelectors;
  const advanced = e.req?.advancedEventSelectors;
  if (basic === undefined && advanced === undefined) return false;
  return !asList(basic).some(basicKeepsWrites) && !asList(advanced).some(advancedKeepsWrites);
}

const putSelectors = (selectors: Record<string, unknown>, more = {}) =>
  apiCall("cloudtrail.amazonaws.com", "PutEventSelectors", { trailName: TRAIL, ...selectors }, more);

const S3_DATA = { type: "AWS::S3::Object", values: ["arn:aws:s3:::payroll-exports/"] };

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "cloudtrail-management-events-excluded",
  version: 1,
  title: "CloudTrail trail stopped recording management events",
  severity: 5,
  description:
    "PutEventSelectors left the trail with no selector that records management write calls (management events excluded, or read-only only): the trail keeps running but control-plane changes are no longer logged.",
  tactic: "defense-evasion",
  techniques: ["T1562.008"],
  events: ["PutEventSelectors"],
  match: (e) => okFrom(e, "cloudtrail.amazonaws.com") && dropsManagementWrites(e),
  resource: (e) => ({ type: "AwsCloudTrailTrail", id: e.param("trailName") || null }),
  runbook: {
    check: [
      "Which trail and what the selectors were before (GetEventSelectors history, infrastructure code).",
      "Whether another trail still records management events for this account, and what the principal did right after.",
    ],
    contain: [
      "Put back a selector that records management events (read and write) and deny cloudtrail:PutEventSelectors outside the platform role.",
    ],
    falsePositives: [
      "Trails built only for data events (S3 object or Lambda logging) next to a separate management trail; add an exception for that trail name.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_PutEventSelectors.html",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html",
  ],
  fixtures: {
    fire: [
      putSelectors({
        eventSelectors: [{ readWriteType: "All", includeManagementEvents: false, dataResources: [S3_DATA] }],
      }),
      putSelectors({ eventSelectors: [{ readWriteType: "ReadOnly", includeManagementEvents: true }] }),
      putSelectors({
        advancedEventSelectors: [
          {
            name: "S3 data only",
            fieldSelectors: [
              { field: "eventCategory", equals: ["Data"] },
              { field: "resources.type", equals: ["AWS::S3::Object"] },
            ],
          },
        ],
      }),
    ],
    quiet: [
      putSelectors({
        eventSelectors: [{ readWriteType: "All", includeManagementEvents: true, dataResources: [S3_DATA] }],
      }),
      putSelectors({
        advancedEventSelectors: [
          { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
        ],
      }),
      putSelectors({ eventSelectors: [{ readWriteType: "All", includeManagementEvents: false }] }, DENIED),
    ],
  },
};
