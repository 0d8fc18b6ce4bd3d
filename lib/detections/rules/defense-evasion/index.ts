import type { EventRule } from "../../rule";
import { rule as cloudtrailEventDataStoreDeleted } from "./cloudtrail-event-data-store-deleted";
import { rule as cloudtrailLogFileValidationDisabled } from "./cloudtrail-log-file-validation-disabled";
import { rule as cloudtrailLoggingStopped } from "./cloudtrail-logging-stopped";
import { rule as cloudtrailManagementEventsExcluded } from "./cloudtrail-management-events-excluded";
import { rule as cloudtrailTrailDestinationChanged } from "./cloudtrail-trail-destination-changed";
import { rule as cloudtrailTrailScopeReduced } from "./cloudtrail-trail-scope-reduced";
import { rule as cloudwatchAlarmsSilenced } from "./cloudwatch-alarms-silenced";
import { rule as cloudwatchLogRetentionShortened } from "./cloudwatch-log-retention-shortened";
import { rule as cloudwatchLogSubscriptionFilterDeleted } from "./cloudwatch-log-subscription-filter-deleted";
import { rule as cloudwatchLogsDeleted } from "./cloudwatch-logs-deleted";
import { rule as configRecordingDisabled } from "./config-recording-disabled";
import { rule as configRuleDeleted } from "./config-rule-deleted";
import { rule as eventbridgeRuleDisabled } from "./eventbridge-rule-disabled";
import { rule as guarddutyDisabled } from "./guardduty-disabled";
import { rule as guarddutyFindingsAutoArchived } from "./guardduty-findings-auto-archived";
import { rule as guarddutyProtectionPlanDisabled } from "./guardduty-protection-plan-disabled";
import { rule as guarddutyPublishingDestinationDeleted } from "./guardduty-publishing-destination-deleted";
import { rule as guarddutyTrustedIpListChanged } from "./guardduty-trusted-ip-list-changed";
import { rule as kmsKeyDisabled } from "./kms-key-disabled";
import { rule as organizationsScpRemoved } from "./organizations-scp-removed";
import { rule as route53QueryLoggingDeleted } from "./route53-query-logging-deleted";
import { rule as s3ServerAccessLoggingDisabled } from "./s3-server-access-logging-disabled";
import { rule as securityAnalyzerDisabled } from "./security-analyzer-disabled";
import { rule as securityhubChecksDisabled } from "./securityhub-checks-disabled";
import { rule as securityhubDisabled } from "./securityhub-disabled";
import { rule as vpcFlowLogsDeleted } from "./vpc-flow-logs-deleted";
import { rule as wafProtectionRemoved } from "./waf-protection-removed";

export const RULES: EventRule[] = [
  cloudtrailEventDataStoreDeleted,
  cloudtrailLogFileValidationDisabled,
  cloudtrailLoggingStopped,
  cloudtrailManagementEventsExcluded,
  cloudtrailTrailDestinationChanged,
  cloudtrailTrailScopeReduced,
  cloudwatchAlarmsSilenced,
  cloudwatchLogRetentionShortened,
  cloudwatchLogSubscriptionFilterDeleted,
  cloudwatchLogsDeleted,
  configRecordingDisabled,
  configRuleDeleted,
  eventbridgeRuleDisabled,
  guarddutyDisabled,
  guarddutyFindingsAutoArchived,
  guarddutyProtectionPlanDisabled,
  guarddutyPublishingDestinationDeleted,
  guarddutyTrustedIpListChanged,
  kmsKeyDisabled,
  organizationsScpRemoved,
  route53QueryLoggingDeleted,
  s3ServerAccessLoggingDisabled,
  securityAnalyzerDisabled,
  securityhubChecksDisabled,
  securityhubDisabled,
  vpcFlowLogsDeleted,
  wafProtectionRemoved,
];
