import type { EventRule } from "../../rule";
import { rule as consoleLoginScriptedClient } from "./console-login-scripted-client";
import { rule as consoleLoginWithoutMfa } from "./console-login-without-mfa";
import { rule as rootAccountUse } from "./root-account-use";
import { rule as rootConsoleLogin } from "./root-console-login";

export const RULES: EventRule[] = [
  consoleLoginScriptedClient,
  consoleLoginWithoutMfa,
  rootAccountUse,
  rootConsoleLogin,
];
