import { FIXTURE } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { apiCall, DENIED, okFrom } from "./shared";

const KEY = `arn:aws:kms:${FIXTURE.region}:${FIXTURE.account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const key = (eventName: string, more = {}) => apiCall("kms.amazonaws.com", eventName, { keyId: KEY }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "kms-key-disabled",
  version: 1,
  title: "KMS key disabled",
  severity: 3,
  description:
    "DisableKey made a customer managed KMS key unusable: anything that encrypts with it fails. When it is the key of a trail, log group or log bucket, log delivery silently stops; data under it becomes unreadable until the key is enabled again.",
  tactic: "defense-evasion",
  techniques: ["T1562.008", "T1485"],
  events: ["DisableKey"],
  match: (e) => okFrom(e, "kms.amazonaws.com"),
  resource: (e) => ({ type: "AwsKmsKey", id: e.param("keyId") || null }),
  runbook: {
    check: [
      "What the key protects (its alias, key policy, and the trails, buckets and log groups that name it).",
      "Whether CloudTrail or other log delivery started failing right after (gaps in the lake, trail status errors).",
    ],
    contain: ["Enable the key again (EnableKey) and restrict kms:DisableKey to the key administrators."],
    falsePositives: [
      "Retiring keys before scheduling their deletion; key administrators should do it through a reviewed change. Add an exception for their role.",
    ],
  },
  references: ["https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html"],
  fixtures: {
    fire: [key("DisableKey")],
    quiet: [key("EnableKey"), key("DisableKey", DENIED)],
  },
};
