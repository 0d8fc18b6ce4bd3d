import type { EntityKind } from "@/lib/schemas/activity";

/** The entity page (summary, then timeline) of one IP, ARN, instance or access key. */
export const entityHref = (kind: EntityKind, value: string) =>
  `/entities?kind=${kind}&value=${encodeURIComponent(value)}`;

/**
 * Where a principal leads: an ARN to its entity page; a bare name (CloudTrail gives one when the
 * record has no ARN) to the activity search for that caller.
 */
export const principalHref = (principal: string) =>
  principal.startsWith("arn:") ? entityHref("arn", principal) : `/activity?principal=${encodeURIComponent(principal)}`;

/** The activity search with one more filter set (a new search: paging starts again), or the next page's cursor. */
export function withFilter(current: URLSearchParams, key: string, value: string): string {
  const next = new URLSearchParams(current);
  next.delete("cursor");
  next.set(key, value);
  return `/activity?${next.toString()}`;
}
