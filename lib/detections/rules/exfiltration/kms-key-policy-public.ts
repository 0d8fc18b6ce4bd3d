import { FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { allowsEveryone, obj, policyOf } from "./shared";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

const ROOT_STATEMENT = {
  Sid: "Enable IAM User Permissions",
  Effect: "Allow",
  Principal: { AWS: `arn:aws:iam::${FIXTURE.account}:root` },
  Action: "kms:*",
  Resource: "*",
};

/** PutKeyPolicy as CloudTrail records it: the policy is the JSON text the caller sent. */
const putKeyPolicy = (extra: Record<string, unknown> | null, errorCode?: string) =>
  trailRecord({
    eventSource: "kms.amazonaws.com",
    eventName: "PutKeyPolicy",
    requestParameters: {
      keyId: KEY,
      policyName: "default",
      policy: JSON.stringify({ Version: "2012-10-17", Statement: extra ? [ROOT_STATEMENT, extra] : [ROOT_STATEMENT] }),
      bypassPolicyLockoutSafetyCheck: false,
    },
    resources: [{ accountId: FIXTURE.account, type: "AWS::KMS::Key", ARN: KEY }],
    ...(errorCode ? { errorCode } : {}),
  });

const decryptFor = (principal: unknown, condition?: Record<string, unknown>) => ({
  Sid: "Allow use of the key",
  Effect: "Allow",
  Principal: principal,
  Action: ["kms:Decrypt", "kms:DescribeKey", "kms:CreateGrant"],
  Resource: "*",
  ...(condition ? { Condition: condition } : {}),
});

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "kms-key-policy-public",
  version: 1,
  title: "KMS key policy opened to every AWS principal",
  severity: 4,
  description:
    'A KMS key policy was set or created with an Allow statement for the wildcard principal ("*") and no condition that narrows who may use it: any AWS account can use the key, for example to decrypt snapshots or data encrypted with it.',
  tactic: "exfiltration",
  techniques: ["T1537"],
  events: ["PutKeyPolicy", "CreateKey"],
  match: (e) => e.ok && e.source === "kms.amazonaws.com" && allowsEveryone(policyOf(e.req?.policy)),
  resource: (e) => {
    const created = obj(e.resp?.keyMetadata).arn;
    return { type: "AwsKmsKey", id: e.param("keyId") || (typeof created === "string" ? created : null) };
  },
  runbook: {
    check: [
      "Which KMS actions the wildcard statement allows, and what the key encrypts (snapshots, buckets, secrets).",
      "Whether snapshots or images encrypted with the key were shared at about the same time.",
    ],
    contain: [
      "Put the previous key policy back (the policy history is in CloudTrail) and review grants on the key (ListGrants).",
      "Re-encrypt sensitive data with a new key if the key may have been used from outside.",
    ],
    falsePositives: [
      "Routine key policies narrow the wildcard with conditions such as kms:CallerAccount or aws:PrincipalOrgID and do not fire; a key meant for every account is rare, add an exception for it.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html",
    "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html",
  ],
  fixtures: {
    fire: [putKeyPolicy(decryptFor({ AWS: "*" })), putKeyPolicy(decryptFor("*"))],
    quiet: [
      putKeyPolicy(null),
      putKeyPolicy(
        decryptFor(
          { AWS: "*" },
          { StringEquals: { "kms:CallerAccount": FIXTURE.account, "kms:ViaService": "ec2.us-east-1.amazonaws.com" } },
        ),
      ),
      putKeyPolicy(decryptFor({ AWS: "*" }), "AccessDeniedException"),
    ],
  },
};
