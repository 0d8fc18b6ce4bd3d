import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { obj } from "../exfiltration/shared";

/** The request, unwrapped from the `<EventName>Request` envelope newer EC2 calls are recorded in. */
const request = (e: TrailEvent) => {
  const req = e.req ?? {};
  const inner = req[`${e.name}Request`];
  return inner === undefined ? req : obj(inner);
};

/** The instance or image being exported. */
const exportedOf = (e: TrailEvent) => {
  const req = request(e);
  const id = req.instanceId ?? req.InstanceId ?? req.imageId ?? req.ImageId;
  const type = e.name === "ExportImage" ? "AwsEc2Image" : "AwsEc2Instance";
  return { type, id: typeof id === "string" ? id : null };
};

const exportInstance = (errorCode?: string) =>
  trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName: "CreateInstanceExportTask",
    requestParameters: {
      instanceId: "i-0a1b2c3d4e5f60718",
      targetEnvironment: "vmware",
      exportToS3: {
        diskImageFormat: "VMDK",
        containerFormat: "OVA",
        s3Bucket: "vm-exports-7731",
        s3Prefix: "exports/",
      },
    },
    responseElements: errorCode
      ? null
      : {
          exportTask: {
            exportTaskId: "export-i-0f1e2d3c4b5a69788",
            state: "active",
            instanceExportDetails: { instanceId: "i-0a1b2c3d4e5f60718", targetEnvironment: "vmware" },
          },
        },
    ...(errorCode ? { errorCode } : {}),
  });

const exportImage = () =>
  trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName: "ExportImage",
    requestParameters: {
      ExportImageRequest: {
        ImageId: "ami-0c7d9e8f6a5b4c321",
        DiskImageFormat: "VHD",
        S3ExportLocation: { S3Bucket: "vm-exports-7731", S3Prefix: "images/" },
      },
    },
    responseElements: { ExportImageResponse: { exportImageTaskId: "export-ami-0a1b2c3d4e5f60718", status: "active" } },
  });

const cancelExport = () =>
  trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName: "CancelExportTask",
    requestParameters: { exportTaskId: "export-i-0f1e2d3c4b5a69788" },
    responseElements: { requestId: "7c6b5a49-3827-4f1e-8d0c-b9a8f7e6d5c4", _return: true },
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ec2-instance-exported-to-s3",
  version: 1,
  title: "EC2 instance or AMI exported to S3 as a disk image",
  severity: 3,
  description:
    "An export task was started that writes an instance's or an AMI's disks to an S3 bucket as a virtual machine image (VMDK, VHD, RAW): a full copy of the machine, ready to download or move out.",
  tactic: "collection",
  techniques: ["T1074.002", "T1537"],
  events: ["CreateInstanceExportTask", "ExportImage"],
  match: (e) => e.ok && e.source === "ec2.amazonaws.com",
  resource: exportedOf,
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  runbook: {
    check: [
      "Which bucket received the image and who owns it; whether objects were then copied or downloaded from it.",
      "Whether migrating machines out of EC2 is a known project for this account.",
    ],
    contain: [
      "Cancel running tasks (CancelExportTask), delete the exported objects and restrict the bucket.",
      "Rotate credentials stored on the exported machine.",
    ],
    falsePositives: [
      "Planned migrations to on-premises virtualization; add an exception for the migration role while it lasts.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateInstanceExportTask.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ExportImage.html",
  ],
  fixtures: {
    fire: [exportInstance(), exportImage()],
    quiet: [exportInstance("AccessDenied"), cancelExport()],
  },
};
