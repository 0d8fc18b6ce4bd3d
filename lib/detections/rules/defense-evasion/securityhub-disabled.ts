import { FIXTURE } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, DENIED, okFrom } from "./shared";

const GUARDDUTY_FEED = `arn:aws:securityhub:${FIXTURE.region}:${FIXTURE.account}:product-subscription/aws/guardduty`;

const hub = (eventName: string, params: Record<string, unknown> | null = null, more = {}) =>
  apiCall("securityhub.amazonaws.com", eventName, params, more);

const what = (e: TrailEvent) =>
  e.name === "DisableImportFindingsForProduct"
    ? { type: "AwsSecurityHubProductSubscription", id: e.param("productSubscriptionArn") || null }
    : { type: "AwsSecurityHubHub", id: `${e.row.recipient_account_id ?? "?"}/${e.row.aws_region ?? "?"}` };

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "securityhub-disabled",
  version: 1,
  title: "Security Hub disabled or cut off from findings",
  severity: 4,
  description:
    "Security Hub was disabled in the region, the account left its Security Hub administrator, or an integration's findings (GuardDuty, Inspector, Macie…) stopped flowing in: the central view of security findings goes dark for this account.",
  tactic: "defense-evasion",
  techniques: ["T1562.001"],
  events: [
    "DisableSecurityHub",
    "DisassociateFromAdministratorAccount",
    "DisassociateFromMasterAccount",
    "DisableImportFindingsForProduct",
  ],
  match: (e) => okFrom(e, "securityhub.amazonaws.com"),
  resource: what,
  runbook: {
    check: [
      "Which account and region, and whether the administrator account still sees the member (its member list).",
      "What the principal did in the same hour; findings raised meanwhile may only exist in the source services.",
    ],
    contain: [
      "Enable Security Hub again (EnableSecurityHub), accept the administrator's invitation, or re-enable the product integration.",
      "Deny securityhub:Disable* and Disassociate* outside the security team with a service control policy.",
    ],
    falsePositives: ["Closing an account or moving Security Hub administration; add a short-lived exception."],
  },
  references: [
    "https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_DisableSecurityHub.html",
    "https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_DisassociateFromAdministratorAccount.html",
    "https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_DisableImportFindingsForProduct.html",
  ],
  fixtures: {
    fire: [
      hub("DisableSecurityHub"),
      hub("DisassociateFromAdministratorAccount"),
      hub("DisableImportFindingsForProduct", { productSubscriptionArn: GUARDDUTY_FEED }),
    ],
    quiet: [hub("EnableSecurityHub", { enableDefaultStandards: true }), hub("DisableSecurityHub", null, DENIED)],
  },
};
