import { FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { addedForeignAccounts, addsGroupAll } from "./shared";

const IMAGE = "ami-0c7d9e8f6a5b4c321";

const launchPermission = (change: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName: "ModifyImageAttribute",
    requestParameters: { imageId: IMAGE, attributeType: "launchPermission", ...change },
    responseElements: errorCode ? null : { requestId: "0d6a2b3c-4e5f-4a1b-9c8d-7e6f5a4b3c2d", _return: true },
    ...(errorCode ? { errorCode } : {}),
  });

const add = (item: Record<string, string>) => ({ launchPermission: { add: { items: [item] } } });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ami-shared-outside-account",
  version: 1,
  title: "AMI made public or shared with another AWS account",
  severity: 4,
  description:
    'An AMI\'s launch permission was given to the "all" group or to another AWS account, which can then launch it or copy its disks, with whatever was baked into the image (keys, configuration, data).',
  tactic: "exfiltration",
  techniques: ["T1537"],
  events: ["ModifyImageAttribute"],
  match: (e) =>
    e.ok &&
    e.source === "ec2.amazonaws.com" &&
    (addsGroupAll(e, "launchPermission") || addedForeignAccounts(e, "launchPermission").length > 0),
  resource: (e) => ({ type: "AwsEc2Image", id: e.param("imageId") || null }),
  runbook: {
    check: [
      "Whether the image was public or shared before, and whether the receiving account belongs to your organization.",
      "Which instance the image was made from (CreateImage shortly before by the same principal is the theft pattern).",
    ],
    contain: [
      "Remove the launch permission (ModifyImageAttribute with remove) and turn on AMI block public access for the region.",
      "Rotate credentials that may be stored on the image's volumes.",
    ],
    falsePositives: [
      "Golden-image pipelines sharing AMIs with the organization's workload accounts; prefer organization or OU launch permissions, or add an exception for the pipeline role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyImageAttribute.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-explicit.html",
  ],
  fixtures: {
    fire: [launchPermission(add({ group: "all" })), launchPermission(add({ userId: FIXTURE.otherAccount }))],
    quiet: [
      launchPermission({ launchPermission: { remove: { items: [{ group: "all" }] } } }),
      launchPermission(add({ organizationArn: "arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5" })),
      launchPermission(add({ group: "all" }), "AccessDenied"),
    ],
  },
};
