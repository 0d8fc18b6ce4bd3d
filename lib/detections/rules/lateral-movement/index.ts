import type { EventRule } from "../../rule";
import { rule as consoleLoginAsFederatedUser } from "./console-login-as-federated-user";
import { rule as ec2InstanceConnectKeyPushed } from "./ec2-instance-connect-key-pushed";
import { rule as ec2SerialConsoleKeyPushed } from "./ec2-serial-console-key-pushed";
import { rule as longLivedSessionToken } from "./long-lived-session-token";
import { rule as roleAssumedInOtherAccount } from "./role-assumed-in-other-account";
import { rule as ssmSessionStarted } from "./ssm-session-started";

export const RULES: EventRule[] = [
  consoleLoginAsFederatedUser,
  ec2InstanceConnectKeyPushed,
  ec2SerialConsoleKeyPushed,
  longLivedSessionToken,
  roleAssumedInOtherAccount,
  ssmSessionStarted,
];
