import { FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { requestText } from "./shared";

const SESSION = {
  NetworkInterfaceId: "eni-0a1b2c3d4e5f60718",
  TrafficMirrorTargetId: "tmt-07f75d8fee1a2b3c4",
  TrafficMirrorFilterId: "tmf-04812ff7841a2b3c4",
  SessionNumber: 1,
  ClientToken: "5236cffc-ee13-4a32-bb5b-388d9da09d96",
};

/** Traffic mirroring calls are recorded in a PascalCase `<EventName>Request` envelope. */
const mirrorCall = (eventName: string, request: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName,
    requestParameters: { [`${eventName}Request`]: request },
    responseElements: errorCode
      ? null
      : {
          [`${eventName}Response`]: {
            requestId: "4b3a2918-0f7e-4d6c-9b5a-48372615f0e9",
            clientToken: SESSION.ClientToken,
            ...(eventName === "CreateTrafficMirrorSession"
              ? {
                  trafficMirrorSession: {
                    trafficMirrorSessionId: "tms-08a33b12141a2b3c4",
                    trafficMirrorTargetId: SESSION.TrafficMirrorTargetId,
                    trafficMirrorFilterId: SESSION.TrafficMirrorFilterId,
                    networkInterfaceId: SESSION.NetworkInterfaceId,
                    ownerId: FIXTURE.account,
                    sessionNumber: 1,
                    virtualNetworkId: 7159709,
                  },
                }
              : {}),
            xmlns: "http://ec2.amazonaws.com/doc/2016-11-15/",
          },
        },
    ...(errorCode ? { errorCode, errorMessage: "You are not authorized to perform this operation." } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "traffic-mirror-session-created",
  version: 1,
  title: "Traffic mirroring session created",
  severity: 3,
  description:
    "A traffic mirror session now copies every packet of a network interface to a mirror target: anything the host sends or receives unencrypted (credentials, session tokens, data) can be read at the target.",
  tactic: "exfiltration",
  techniques: ["T1020.001", "T1040"],
  events: ["CreateTrafficMirrorSession"],
  match: (e) => e.ok,
  resource: (e) => ({ type: "AwsEc2NetworkInterface", id: requestText(e, "networkInterfaceId") || null }),
  runbook: {
    check: [
      "Which interface is mirrored and where the target is (DescribeTrafficMirrorTargets: an interface or load balancer, in which VPC and account).",
      "Whether the network security team runs a packet-capture tool that uses mirroring, and who created the session.",
    ],
    contain: [
      "Delete the session (DeleteTrafficMirrorSession) and, if the target is unknown, the target and filter.",
      "Treat credentials that crossed the interface unencrypted as exposed.",
    ],
    falsePositives: [
      "Network detection and packet-capture products create sessions for every new instance; add an exception for their role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateTrafficMirrorSession.html",
    "https://docs.aws.amazon.com/vpc/latest/mirroring/what-is-traffic-mirroring.html",
  ],
  fixtures: {
    fire: [mirrorCall("CreateTrafficMirrorSession", SESSION)],
    quiet: [
      mirrorCall("CreateTrafficMirrorSession", SESSION, "Client.UnauthorizedOperation"),
      mirrorCall("CreateTrafficMirrorFilter", { Description: "tcp only", ClientToken: SESSION.ClientToken }),
    ],
  },
};
