import { FIXTURE } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, asList, DENIED, okFrom } from "./shared";

/** Each call, the service that must have recorded it, and what it turns off. */
const CALLS: Record<string, { source: string; type: string; id: (e: TrailEvent) => string | null }> = {
  DisableMacie: { source: "macie2.amazonaws.com", type: "AwsMacieSession", id: () => null },
  UpdateMacieSession: { source: "macie2.amazonaws.com", type: "AwsMacieSession", id: () => null },
  Disable: {
    source: "inspector2.amazonaws.com",
    type: "AwsInspectorScanning",
    id: (e) => asList(e.req?.resourceTypes).join(","),
  },
  DeleteGraph: { source: "detective.amazonaws.com", type: "AwsDetectiveGraph", id: (e) => e.param("graphArn") },
  DeleteAnalyzer: {
    source: "access-analyzer.amazonaws.com",
    type: "AwsAccessAnalyzerAnalyzer",
    id: (e) => e.param("analyzerName"),
  },
};

const turnsOff = (e: TrailEvent) => e.name !== "UpdateMacieSession" || e.param("status") === "PAUSED";

const RESOURCE_TYPES = ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE"];

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "security-analyzer-disabled",
  version: 1,
  title: "Macie, Inspector, Detective or IAM Access Analyzer turned off",
  severity: 3,
  description:
    "A security analysis service was switched off: Macie disabled or paused (sensitive data discovery), Inspector scanning disabled (vulnerabilities), a Detective graph deleted (investigation data) or an IAM Access Analyzer deleted (external access findings).",
  tactic: "defense-evasion",
  techniques: ["T1562.001"],
  events: Object.keys(CALLS),
  match: (e) => {
    const call = CALLS[e.name];
    return call !== undefined && okFrom(e, call.source) && turnsOff(e);
  },
  resource: (e) => {
    const call = CALLS[e.name];
    const account = `${e.row.recipient_account_id ?? "?"}/${e.row.aws_region ?? "?"}`;
    return { type: call?.type ?? "AwsAccount", id: call?.id(e) || account };
  },
  runbook: {
    check: [
      "Which service and region, and whether the principal normally administers security tooling.",
      "What the service would have seen next: data read from S3 (Macie), new workloads (Inspector), resources shared outside the account (Access Analyzer).",
    ],
    contain: [
      "Re-enable the service (EnableMacie / UpdateMacieSession ENABLED, inspector2 Enable, CreateGraph, CreateAnalyzer).",
      "Deny these calls outside the security team with a service control policy.",
    ],
    falsePositives: [
      "Cost reviews or a move of administration to a delegated account; the security team should record them, then add a short-lived exception.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/macie/latest/APIReference/macie.html",
    "https://docs.aws.amazon.com/inspector/v2/APIReference/API_Disable.html",
    "https://docs.aws.amazon.com/detective/latest/APIReference/API_DeleteGraph.html",
    "https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_DeleteAnalyzer.html",
  ],
  fixtures: {
    fire: [
      apiCall("macie2.amazonaws.com", "DisableMacie", null),
      apiCall("macie2.amazonaws.com", "UpdateMacieSession", { status: "PAUSED" }),
      apiCall("inspector2.amazonaws.com", "Disable", { accountIds: [FIXTURE.account], resourceTypes: RESOURCE_TYPES }),
      apiCall("detective.amazonaws.com", "DeleteGraph", {
        graphArn: `arn:aws:detective:${FIXTURE.region}:${FIXTURE.account}:graph:027c7c4610ea4aacaf0b883093cab899`,
      }),
      apiCall("access-analyzer.amazonaws.com", "DeleteAnalyzer", {
        analyzerName: "ConsoleAnalyzer-1a2b3c",
        clientToken: "5b7e2c1a-0f3d-4a6b-9c8e-1d2f3a4b5c6d",
      }),
    ],
    quiet: [
      apiCall("macie2.amazonaws.com", "UpdateMacieSession", {
        status: "ENABLED",
        findingPublishingFrequency: "ONE_HOUR",
      }),
      apiCall("inspector2.amazonaws.com", "Enable", { accountIds: [FIXTURE.account], resourceTypes: RESOURCE_TYPES }),
      apiCall("access-analyzer.amazonaws.com", "DeleteAnalyzer", { analyzerName: "ConsoleAnalyzer-1a2b3c" }, DENIED),
    ],
  },
};
