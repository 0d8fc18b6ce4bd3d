import type { TrailRule } from "../../rule";
import { apiCall, DENIED, okFrom } from "./shared";

const recorder = (eventName: string, more = {}) =>
  apiCall("config.amazonaws.com", eventName, { configurationRecorderName: "default" }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "config-recording-disabled",
  version: 1,
  title: "AWS Config recording stopped or its delivery channel deleted",
  severity: 4,
  description:
    "StopConfigurationRecorder, DeleteConfigurationRecorder or DeleteDeliveryChannel: AWS Config stops recording resource changes in the region, so configuration history, Config rules and the Security Hub checks built on them go blind.",
  tactic: "defense-evasion",
  techniques: ["T1562.001", "T1562.008"],
  events: ["StopConfigurationRecorder", "DeleteConfigurationRecorder", "DeleteDeliveryChannel"],
  match: (e) => okFrom(e, "config.amazonaws.com"),
  resource: (e) =>
    e.name === "DeleteDeliveryChannel"
      ? { type: "AwsConfigDeliveryChannel", id: e.param("deliveryChannelName") || null }
      : { type: "AwsConfigConfigurationRecorder", id: e.param("configurationRecorderName") || null },
  runbook: {
    check: [
      "Which region lost recording, and what the principal changed in that region while Config was off.",
      "Whether the change came from the team that owns the Config setup (infrastructure code, a change ticket).",
    ],
    contain: [
      "Start the recorder again (StartConfigurationRecorder) or recreate the recorder and delivery channel from code.",
      "Deny config:Stop*, config:Delete* on recorders and channels outside the platform role with a service control policy.",
    ],
    falsePositives: [
      "Decommissioning an unused region or replacing the recorder during a redeploy; add a short-lived exception for the deploying role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/config/latest/APIReference/API_StopConfigurationRecorder.html",
    "https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteConfigurationRecorder.html",
    "https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteDeliveryChannel.html",
  ],
  fixtures: {
    fire: [
      recorder("StopConfigurationRecorder"),
      recorder("DeleteConfigurationRecorder"),
      apiCall("config.amazonaws.com", "DeleteDeliveryChannel", { deliveryChannelName: "default" }),
    ],
    quiet: [recorder("StartConfigurationRecorder"), recorder("StopConfigurationRecorder", DENIED)],
  },
};
