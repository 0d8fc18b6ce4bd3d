import type { EventRule } from "../../rule";
import { rule as ec2UserDataModified } from "./ec2-user-data-modified";
import { rule as ecsExecIntoContainer } from "./ecs-exec-into-container";
import { rule as lambdaCodeUpdatedByPerson } from "./lambda-code-updated-by-person";
import { rule as ssmShellCommandSent } from "./ssm-shell-command-sent";

export const RULES: EventRule[] = [
  ec2UserDataModified,
  ecsExecIntoContainer,
  lambdaCodeUpdatedByPerson,
  ssmShellCommandSent,
];
