import { iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "../privilege-escalation/shared";

const ec2 = call("ec2");

const importKey = (errorCode?: string) =>
  ec2(
    "ImportKeyPair",
    { keyName: "ops-laptop" },
    {
      userIdentity: iamUser("victor"),
      errorCode,
      responseElements: errorCode
        ? null
        : {
            requestId: "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE",
            keyName: "ops-laptop",
            keyFingerprint: "1f:51:ae:28:bf:89:e9:d8:1f:25:5d:37:2d:7d:b8:ca:9f:f5:f1:6f",
            keyPairId: "key-0a1b2c3d4e5f60718",
          },
    },
  );

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ec2-key-pair-imported",
  version: 1,
  title: "SSH public key imported as an EC2 key pair",
  severity: 2,
  description:
    "ImportKeyPair registered a public key whose private half the caller holds. Instances launched with it, or rebuilt with it, accept SSH logins from whoever has that key.",
  tactic: "persistence",
  techniques: ["T1098.004"],
  events: ["ImportKeyPair"],
  match: (e) => e.ok,
  resource: (e) => ({ type: "AwsEc2KeyPair", id: e.param("keyName") || null }),
  runbook: {
    check: [
      "Who imported the key and whether instances were launched with it soon after (RunInstances with this keyName).",
      "Whether the caller usually manages EC2 access, and whether the region is one you use.",
    ],
    contain: [
      "Delete the key pair (DeleteKeyPair) and remove the key from authorized_keys on instances launched with it.",
    ],
    falsePositives: [
      "Engineers adding their own keys for test instances; prefer Session Manager, or add an exception for the team.",
    ],
  },
  references: ["https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ImportKeyPair.html"],
  fixtures: {
    fire: [importKey()],
    quiet: [importKey("Client.UnauthorizedOperation"), ec2("DeleteKeyPair", { keyName: "ops-laptop" })],
  },
};
