import type { Json } from "@/lib/ports/workflow-engine";
import type { ApplicationInput } from "@/lib/schemas/applications";
import type { ApplicationReviewDeps } from "../deps";
import { validateAddress, validateName } from "../rules";

const applicationOf = (p: Json) => (p as { application: ApplicationInput }).application;

/** ValidateName (a Parallel branch): the name rules and the screening list. */
export async function checkName(deps: ApplicationReviewDeps, payload: Json): Promise<Json> {
  return (await validateName(applicationOf(payload), deps.denylist)) as unknown as Json;
}

/** ValidateAddress (a Parallel branch): the address rules. */
export async function checkAddress(_deps: ApplicationReviewDeps, payload: Json): Promise<Json> {
  return (await validateAddress(applicationOf(payload))) as unknown as Json;
}
