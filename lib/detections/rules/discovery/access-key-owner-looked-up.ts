import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const lookup = (accessKeyId: string, errorCode?: string) =>
  trailRecord({
    eventSource: "sts.amazonaws.com",
    eventName: "GetAccessKeyInfo",
    requestParameters: { accessKeyId },
    readOnly: true,
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "access-key-owner-looked-up",
  version: 1,
  title: "Account of an access key looked up",
  severity: 2,
  description:
    "GetAccessKeyInfo asked STS which AWS account owns an access key id. People rarely need it; it is how someone with a list of found keys works out whose they are.",
  tactic: "discovery",
  techniques: ["T1087.004"],
  events: ["GetAccessKeyInfo"],
  match: (e) => e.ok,
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  resource: (e) => ({ type: "AwsIamAccessKey", id: e.param("accessKeyId") || null }),
  runbook: {
    check: [
      "Which key ids were looked up (the finding's events) and whether the caller works on credential leaks or incident response.",
      "Whether the caller's own credentials are used from an unusual address.",
    ],
    contain: ["If the caller is not expected to do this, deactivate its credentials and review its activity."],
    falsePositives: ["Secret-scanning and leak-response tooling; add an exception for its role."],
  },
  references: ["https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html"],
  fixtures: {
    fire: [lookup("AKIAI44QH8DHBEXAMPLE")],
    quiet: [lookup("AKIAI44QH8DHBEXAMPLE", "AccessDenied")],
  },
};
