import { assumedRole, iamUser, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const whoami = (userIdentity: Record<string, unknown>) =>
  trailRecord({
    eventSource: "sts.amazonaws.com",
    eventName: "GetCallerIdentity",
    userIdentity,
    requestParameters: null,
    readOnly: true,
  });

/** Long-term IAM user keys start with AKIA; temporary ones (ASIA) come from a session someone already holds. */
const longTermKey = (id: unknown) => typeof id === "string" && id.startsWith("AKIA");

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "caller-identity-checked-with-access-key",
  version: 1,
  title: "GetCallerIdentity called with an IAM user access key",
  severity: 2,
  description:
    "An IAM user's long-term access key asked STS who it belongs to. It is the first call anyone makes with a key they just found; one finding per key per day, to put alongside the key's other activity.",
  tactic: "discovery",
  techniques: ["T1087.004", "T1033"],
  events: ["GetCallerIdentity"],
  match: (e) => e.ok && e.userType === "IAMUser" && longTermKey(e.row.access_key_id),
  dedup: { key: (e) => String(e.row.access_key_id), windowMinutes: 24 * 60 },
  resource: (e) => ({ type: "AwsIamAccessKey", id: (e.row.access_key_id as string | null) ?? null }),
  runbook: {
    check: [
      "Whether the source address and user agent are the ones this key is normally used from.",
      "What the key did next: listing users, buckets and policies right after is reconnaissance.",
    ],
    contain: ["If the use is not the owner's: deactivate the key (UpdateAccessKey) and rotate it."],
    falsePositives: [
      "Every SDK, CLI and Terraform run makes this call; the rule is a low-severity marker. Close it when the address and tool are the key's usual ones.",
    ],
  },
  references: ["https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html"],
  fixtures: {
    fire: [whoami(iamUser("jack"))],
    quiet: [
      whoami(assumedRole("deploy", "ci-run-42")),
      whoami(iamUser("jack", { accessKeyId: "ASIAJACKSESSION00001" })),
    ],
  },
};
