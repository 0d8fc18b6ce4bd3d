import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, asList, asObject, okFrom } from "./shared";

/**
 * The flow log ids of the request. EC2 records this call in its query-API shape:
 * `DeleteFlowLogsRequest.FlowLogId` is `{content, tag}`, or a list of them for several ids.
 */
const flowLogIds = (e: TrailEvent): string[] =>
  asList(asObject(e.req?.DeleteFlowLogsRequest)?.FlowLogId)
    .map((x) => (typeof x === "string" ? x : asObject(x)?.content))
    .filter((x): x is string => typeof x === "string");

const ids = (...flowLogs: string[]) =>
  flowLogs.length === 1 ? { content: flowLogs[0], tag: 1 } : flowLogs.map((content, i) => ({ content, tag: i + 1 }));

const deleteFlowLogs = (flowLogs: string[], more = {}) =>
  apiCall("ec2.amazonaws.com", "DeleteFlowLogs", { DeleteFlowLogsRequest: { FlowLogId: ids(...flowLogs) } }, more);

const answered = (requestId: string) => ({
  responseElements: {
    DeleteFlowLogsResponse: {
      xmlns: "http://ec2.amazonaws.com/doc/2016-11-15/",
      requestId,
      unsuccessful: "",
    },
  },
});

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "vpc-flow-logs-deleted",
  version: 1,
  title: "VPC Flow Logs deleted",
  severity: 4,
  description:
    "DeleteFlowLogs removed flow logs from a VPC, subnet or network interface: network traffic there is no longer recorded, which blinds network detections and investigations.",
  tactic: "defense-evasion",
  techniques: ["T1562.008"],
  events: ["DeleteFlowLogs"],
  match: (e) => okFrom(e, "ec2.amazonaws.com"),
  resource: (e) => ({ type: "AwsEc2FlowLog", id: flowLogIds(e).join(",") || null }),
  runbook: {
    check: [
      "Which flow logs and which VPCs, subnets or interfaces they covered (DescribeFlowLogs history, infrastructure code).",
      "What ran on those networks next: instances launched, security groups opened, unusual connections in other sources.",
    ],
    contain: ["Recreate the flow logs (CreateFlowLogs) and deny ec2:DeleteFlowLogs outside the network platform role."],
    falsePositives: [
      "Deleting a VPC or replacing a flow log with a new format or destination; expect a CreateFlowLogs or DeleteVpc nearby.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteFlowLogs.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html",
  ],
  fixtures: {
    fire: [
      deleteFlowLogs(["fl-0e17aa62a21d4bbfe"], answered("96d51d7f-c18d-45b9-8315-9aa0fde21e88")),
      deleteFlowLogs(
        ["fl-0e17aa62a21d4bbfe", "fl-01a2b3c4d5e6f7081"],
        answered("3b1c2d4e-5f60-4718-92a3-b4c5d6e7f809"),
      ),
    ],
    quiet: [
      deleteFlowLogs(["fl-0e17aa62a21d4bbfe"], {
        errorCode: "Client.UnauthorizedOperation",
        errorMessage: "You are not authorized to perform this operation.",
      }),
      apiCall("ec2.amazonaws.com", "CreateFlowLogs", {
        CreateFlowLogsRequest: {
          ResourceId: { content: "vpc-0a1b2c3d4e5f60718", tag: 1 },
          ResourceType: "VPC",
          TrafficType: "ALL",
          LogDestinationType: "s3",
          LogDestination: "arn:aws:s3:::network-logs-archive",
        },
      }),
    ],
  },
};
