import type { EventRule } from "../../rule";
import { rule as accessKeyForAnotherUser } from "./access-key-for-another-user";
import { rule as cognitoUserCreatedByAdmin } from "./cognito-user-created-by-admin";
import { rule as ec2KeyPairImported } from "./ec2-key-pair-imported";
import { rule as iamSideCredentialForAnotherUser } from "./iam-side-credential-for-another-user";
import { rule as iamUserCreated } from "./iam-user-created";
import { rule as lambdaFunctionUrlPublic } from "./lambda-function-url-public";
import { rule as lambdaResourcePolicyPublic } from "./lambda-resource-policy-public";
import { rule as loginProfileCreatedForAnotherUser } from "./login-profile-created-for-another-user";
import { rule as mfaDeviceEnabledForAnotherUser } from "./mfa-device-enabled-for-another-user";
import { rule as mfaDeviceRemoved } from "./mfa-device-removed";
import { rule as oidcProviderCreated } from "./oidc-provider-created";
import { rule as rdsMasterPasswordChanged } from "./rds-master-password-changed";
import { rule as roleCreatedTrustingOutside } from "./role-created-trusting-outside";
import { rule as roleTrustPolicyAllowsOutside } from "./role-trust-policy-allows-outside";
import { rule as samlProviderCreatedOrUpdated } from "./saml-provider-created-or-updated";

export const RULES: EventRule[] = [
  accessKeyForAnotherUser,
  cognitoUserCreatedByAdmin,
  ec2KeyPairImported,
  iamSideCredentialForAnotherUser,
  iamUserCreated,
  lambdaFunctionUrlPublic,
  lambdaResourcePolicyPublic,
  loginProfileCreatedForAnotherUser,
  mfaDeviceEnabledForAnotherUser,
  mfaDeviceRemoved,
  oidcProviderCreated,
  rdsMasterPasswordChanged,
  roleCreatedTrustingOutside,
  roleTrustPolicyAllowsOutside,
  samlProviderCreatedOrUpdated,
];
