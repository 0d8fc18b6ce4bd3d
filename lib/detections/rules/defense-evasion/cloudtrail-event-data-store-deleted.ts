import { FIXTURE } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { apiCall, DENIED, okFrom } from "./shared";

const STORE = `arn:aws:cloudtrail:${FIXTURE.region}:${FIXTURE.account}:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE`;

const storeCall = (eventName: string, more = {}) =>
  apiCall("cloudtrail.amazonaws.com", eventName, { eventDataStore: STORE }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "cloudtrail-event-data-store-deleted",
  version: 1,
  title: "CloudTrail Lake event data store deleted or ingestion stopped",
  severity: 4,
  description:
    "DeleteEventDataStore or StopEventDataStoreIngestion: a CloudTrail Lake store stops collecting events (a deleted store is also no longer queryable and is removed after its waiting period).",
  tactic: "defense-evasion",
  techniques: ["T1562.008", "T1070"],
  events: ["DeleteEventDataStore", "StopEventDataStoreIngestion"],
  match: (e) => okFrom(e, "cloudtrail.amazonaws.com"),
  resource: (e) => ({ type: "AwsCloudTrailEventDataStore", id: e.param("eventDataStore") || null }),
  runbook: {
    check: [
      "Which store and what it collected (management, data, configuration or external events), and whether another store or trail covers the same events.",
      "What the principal did right before and after; stores are rarely deleted outside a planned migration.",
    ],
    contain: [
      "Restore a deleted store (RestoreEventDataStore) while it is still pending deletion, or restart ingestion (StartEventDataStoreIngestion).",
      "Enable termination protection on stores that must not be removed.",
    ],
    falsePositives: ["Retiring a test store or moving to a new one; add a short-lived exception for the owning role."],
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DeleteEventDataStore.html",
    "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopEventDataStoreIngestion.html",
  ],
  fixtures: {
    fire: [storeCall("DeleteEventDataStore"), storeCall("StopEventDataStoreIngestion")],
    quiet: [storeCall("StartEventDataStoreIngestion"), storeCall("DeleteEventDataStore", DENIED)],
  },
};
