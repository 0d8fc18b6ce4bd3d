import { assumedRole, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const INSTANCE = "i-0a1b2c3d4e5f67890";

const start = (requestParameters: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "ssm.amazonaws.com",
    eventName: "StartSession",
    userIdentity: assumedRole("ops", "nina"),
    requestParameters,
    responseElements: errorCode
      ? null
      : {
          sessionId: "nina-0a1b2c3d4e5f67890",
          tokenValue: "Value hidden due to security reasons.",
          streamUrl:
            "wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/nina-0a1b2c3d4e5f67890?role=publish_subscribe",
        },
    ...(errorCode ? { errorCode } : {}),
  });

/** EC2 instances (i-) and hybrid managed nodes (mi-). */
const isInstance = (target: string) => /^m?i-[0-9a-f]+$/.test(target);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ssm-session-started",
  version: 1,
  title: "Session Manager session opened on an instance",
  severity: 2,
  description:
    "StartSession opened an interactive shell or a port forward to a managed instance through Systems Manager, reaching it without SSH keys or open inbound ports.",
  tactic: "lateral-movement",
  techniques: ["T1021", "T1651"],
  events: ["StartSession"],
  match: (e) => e.ok && isInstance(e.param("target")),
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  resource: (e) => ({ type: "AwsEc2Instance", id: e.param("target") || null }),
  runbook: {
    check: [
      "Whether the principal administers the instance, and the session document (port forwarding to a remote host reaches systems behind the instance).",
      "The session transcript if Session Manager logging is on, and what the instance did during the session.",
    ],
    contain: [
      "Terminate the session (TerminateSession) and remove ssm:StartSession from the principal if it is not theirs.",
    ],
    falsePositives: [
      "Routine administration; it is low severity, tune out the operations roles if it is too frequent.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_StartSession.html",
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-logging.html",
  ],
  fixtures: {
    fire: [
      start({ target: INSTANCE }),
      start({
        target: INSTANCE,
        documentName: "AWS-StartPortForwardingSessionToRemoteHost",
        parameters: { host: ["10.0.2.15"], portNumber: ["5432"], localPortNumber: ["15432"] },
      }),
    ],
    quiet: [start({ target: INSTANCE }, "TargetNotConnected")],
  },
};
