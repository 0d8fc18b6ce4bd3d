import { z } from "zod";
import { type EntityKind, EntityKind as Kind } from "./activity";
import { Instant, RangeEnd } from "./common";

/** How each kind is named to people. */
export const ENTITY_KIND_LABELS: Record<EntityKind, string> = {
  ip: "IP address",
  arn: "ARN",
  instance: "EC2 instance",
  "access-key": "Access key",
};

export const EntityInput = z
  .object({
    kind: Kind,
    value: z
      .string()
      .trim()
      .min(3, "Enter at least 3 characters to look up")
      .max(300, "That is longer than any IP address, ARN, instance id or access key id (300 characters at most)"),
    from: Instant.optional(),
    to: RangeEnd.optional(),
  })
  .strict();
export type EntityInput = z.infer<typeof EntityInput>;

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:]*:[0-9a-f:]*(\d{1,3}(\.\d{1,3}){3})?$/i;

/** The kind a typed value is by its shape (`arn:…`, `i-…`, `AKIA…`/`ASIA…`, an address), or null. */
export function guessEntityKind(input: string): EntityKind | null {
  const v = input.trim();
  if (v.startsWith("arn:")) return "arn";
  if (/^i-[0-9a-f]{8}([0-9a-f]{9})?$/.test(v)) return "instance";
  if (/^(AKIA|ASIA)[A-Z0-9]{16}$/.test(v)) return "access-key";
  if (IPV4.test(v) || (v.includes(":") && IPV6.test(v))) return "ip";
  return null;
}
