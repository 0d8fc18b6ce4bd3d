import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const vaultCall = (eventName: string, errorCode?: string) =>
  trailRecord({
    eventSource: "glacier.amazonaws.com",
    eventName,
    requestParameters: { accountId: "-", vaultName: "finance-records-2019" },
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "glacier-vault-deleted",
  version: 1,
  title: "S3 Glacier vault deleted",
  severity: 3,
  description:
    "An S3 Glacier vault was deleted. Glacier vaults usually hold long-term archives and backups; the vault can only be deleted once its archives are gone, so this ends a deletion of archived data.",
  tactic: "impact",
  techniques: ["T1485", "T1490"],
  events: ["DeleteVault"],
  match: (e) => e.ok && e.source === "glacier.amazonaws.com",
  resource: (e) => ({ type: "AwsGlacierVault", id: e.param("vaultName") || null }),
  runbook: {
    check: [
      "Whether the vault's archives were deleted shortly before (DeleteArchive calls) and by whom.",
      "Whether a Vault Lock policy was meant to protect the vault and was removed (AbortVaultLock, DeleteVaultAccessPolicy).",
    ],
    contain: [
      "Revoke the principal's sessions and check other vaults and backup stores for the same activity.",
      "Protect remaining vaults with Vault Lock policies that deny archive deletion.",
    ],
    falsePositives: [
      "Planned retirement of old archives after their retention ended; add an exception for the retiring role or vault.",
    ],
  },
  references: ["https://docs.aws.amazon.com/amazonglacier/latest/dev/api-vault-delete.html"],
  fixtures: {
    fire: [vaultCall("DeleteVault")],
    quiet: [vaultCall("DeleteVault", "AccessDeniedException"), vaultCall("CreateVault")],
  },
};
