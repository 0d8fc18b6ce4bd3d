import type { ScheduledRule } from "../../rule";
import { rule as flowRepeatedEgressUnusualPort } from "../command-and-control/flow-repeated-egress-unusual-port";
import { rule as consoleLoginFailureBurst } from "../credential-access/console-login-failure-burst";
import { rule as consolePasswordSprayFromAddress } from "../credential-access/console-password-spray-from-address";
import { rule as secretsManagerBulkSecretReads } from "../credential-access/secrets-manager-bulk-secret-reads";
import { rule as ssmParameterBulkDecryptedReads } from "../credential-access/ssm-parameter-bulk-decrypted-reads";
import { rule as accessDeniedBurstByPrincipal } from "../discovery/access-denied-burst-by-principal";
import { rule as apiDiscoveryBurstByPerson } from "../discovery/api-discovery-burst-by-person";
import { rule as flowPortScanRejectedBurst } from "../discovery/flow-port-scan-rejected-burst";
import { rule as loggingDisabledThenDataShared } from "../exfiltration/logging-disabled-then-data-shared";
import { rule as ec2InstanceLaunchBurst } from "../impact/ec2-instance-launch-burst";
import { rule as s3ObjectDeletionBurst } from "../impact/s3-object-deletion-burst";
import { rule as newUserThenKeyThenPolicy } from "../persistence/new-user-then-key-then-policy";
import { rule as assumeRoleFailureBurst } from "../privilege-escalation/assume-role-failure-burst";
import { rule as noMfaSignInThenKeyThenIamPolicy } from "../privilege-escalation/no-mfa-sign-in-then-key-then-admin";
import { rule as permissionsEnumeratedThenIamEscalation } from "../privilege-escalation/permissions-enumerated-then-iam-escalation";

/** The threshold and sequence rules, wherever their tactic folder is. */
export const SCHEDULED: ScheduledRule[] = [
  // Threshold rules.
  consoleLoginFailureBurst,
  consolePasswordSprayFromAddress,
  secretsManagerBulkSecretReads,
  ssmParameterBulkDecryptedReads,
  accessDeniedBurstByPrincipal,
  apiDiscoveryBurstByPerson,
  flowPortScanRejectedBurst,
  assumeRoleFailureBurst,
  s3ObjectDeletionBurst,
  ec2InstanceLaunchBurst,
  flowRepeatedEgressUnusualPort,
  // Sequence rules.
  noMfaSignInThenKeyThenIamPolicy,
  newUserThenKeyThenPolicy,
  loggingDisabledThenDataShared,
  permissionsEnumeratedThenIamEscalation,
];
