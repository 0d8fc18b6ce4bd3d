import type { EventRule } from "../../rule";
import { rule as ec2UserDataRead } from "./ec2-user-data-read";
import { rule as ec2WindowsPasswordRetrieved } from "./ec2-windows-password-retrieved";
import { rule as passwordPolicyBelowBaseline } from "./password-policy-below-baseline";
import { rule as passwordPolicyDeleted } from "./password-policy-deleted";
import { rule as rootAccessKeyCreated } from "./root-access-key-created";
import { rule as rootConsoleLoginFailed } from "./root-console-login-failed";
import { rule as secretReadByIamUser } from "./secret-read-by-iam-user";

export const RULES: EventRule[] = [
  ec2UserDataRead,
  ec2WindowsPasswordRetrieved,
  passwordPolicyBelowBaseline,
  passwordPolicyDeleted,
  rootAccessKeyCreated,
  rootConsoleLoginFailed,
  secretReadByIamUser,
];
