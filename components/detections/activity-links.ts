/** The activity search around one event of a finding: the same principal, the same call, within an hour either side. */
export function activityHref(o: { principal: string | null; eventName: string | null; at: string | null }): string {
  const p = new URLSearchParams();
  if (o.principal) p.set("principal", o.principal);
  if (o.eventName) p.set("eventName", o.eventName);
  const at = o.at ? Date.parse(o.at) : Number.NaN;
  if (Number.isFinite(at)) {
    p.set("from", new Date(at - 3_600_000).toISOString());
    p.set("to", new Date(at + 3_600_000).toISOString());
  }
  return `/activity?${p.toString()}`;
}
