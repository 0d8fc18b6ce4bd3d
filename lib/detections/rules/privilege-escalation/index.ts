import type { EventRule } from "../../rule";
import { rule as adminPolicyAttachedToRoleOrGroup } from "./admin-policy-attached-to-role-or-group";
import { rule as adminPolicyAttachedToUser } from "./admin-policy-attached-to-user";
import { rule as ec2InstanceLaunchedWithProfileByUser } from "./ec2-instance-launched-with-profile-by-user";
import { rule as ec2InstanceProfileChanged } from "./ec2-instance-profile-changed";
import { rule as iamPolicyAllowsEverything } from "./iam-policy-allows-everything";
import { rule as iamPolicyDefaultVersionChanged } from "./iam-policy-default-version-changed";
import { rule as iamPolicyVersionAdminDefault } from "./iam-policy-version-admin-default";
import { rule as lambdaExecutionRoleChanged } from "./lambda-execution-role-changed";
import { rule as loginProfileUpdatedForAnotherUser } from "./login-profile-updated-for-another-user";
import { rule as permissionsBoundaryRemoved } from "./permissions-boundary-removed";
import { rule as ssoPermissionSetGrantedAdmin } from "./sso-permission-set-granted-admin";
import { rule as userAddedToAdminGroup } from "./user-added-to-admin-group";

export const RULES: EventRule[] = [
  adminPolicyAttachedToRoleOrGroup,
  adminPolicyAttachedToUser,
  ec2InstanceLaunchedWithProfileByUser,
  ec2InstanceProfileChanged,
  iamPolicyAllowsEverything,
  iamPolicyDefaultVersionChanged,
  iamPolicyVersionAdminDefault,
  lambdaExecutionRoleChanged,
  loginProfileUpdatedForAnotherUser,
  permissionsBoundaryRemoved,
  ssoPermissionSetGrantedAdmin,
  userAddedToAdminGroup,
];
