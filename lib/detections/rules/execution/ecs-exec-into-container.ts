import { assumedRole, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const TASK = "arn:aws:ecs:us-east-1:111122223333:task/prod/0f1e2d3c4b5a69788796a5b4c3d2e1f0";

const exec = (errorCode?: string) =>
  trailRecord({
    eventSource: "ecs.amazonaws.com",
    eventName: "ExecuteCommand",
    userIdentity: assumedRole("ops", "mia"),
    requestParameters: { cluster: "prod", container: "api", task: TASK, command: "/bin/sh", interactive: true },
    responseElements: errorCode
      ? null
      : {
          clusterArn: "arn:aws:ecs:us-east-1:111122223333:cluster/prod",
          containerName: "api",
          interactive: true,
          session: {
            sessionId: "ecs-execute-command-0a1b2c3d4e5f6a7b8",
            streamUrl:
              "wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/ecs-execute-command-0a1b2c3d4e5f6a7b8",
            tokenValue: "HIDDEN_DUE_TO_SECURITY_REASONS",
          },
          taskArn: TASK,
        },
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ecs-exec-into-container",
  version: 1,
  title: "Shell opened in a running ECS container",
  severity: 3,
  description:
    "ECS Exec (ExecuteCommand) started a command or interactive shell inside a running container, with the container's access to data and the task role's credentials.",
  tactic: "execution",
  techniques: ["T1609"],
  events: ["ExecuteCommand"],
  match: (e) => e.ok && e.source === "ecs.amazonaws.com",
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  resource: (e) => ({ type: "AwsEcsTask", id: e.param("task") || null }),
  runbook: {
    check: [
      "Who opened the session, on which cluster and container, and whether it matches an incident or debugging ticket.",
      "The session transcript if ECS Exec logging to CloudWatch Logs or S3 is on.",
    ],
    contain: [
      "Stop the task so the service replaces it, rotate the task role's credentials by redeploying, and remove ecs:ExecuteCommand from the caller.",
    ],
    falsePositives: [
      "Engineers debugging in non-production clusters; scope the exception to those clusters rather than to the people.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExecuteCommand.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html",
  ],
  fixtures: {
    fire: [exec()],
    quiet: [exec("AccessDeniedException")],
  },
};
