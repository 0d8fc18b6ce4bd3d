import type { EventRule } from "../../rule";
import { rule as accessKeyOwnerLookedUp } from "./access-key-owner-looked-up";
import { rule as callerIdentityCheckedWithAccessKey } from "./caller-identity-checked-with-access-key";
import { rule as iamAuthorizationDetailsListed } from "./iam-authorization-details-listed";

export const RULES: EventRule[] = [
  accessKeyOwnerLookedUp,
  callerIdentityCheckedWithAccessKey,
  iamAuthorizationDetailsListed,
];
