/**
 * The findings page's URL query is its filter, and the same string goes to the API. These build
 * the next query from the current one; any change of filter starts again from the first page.
 */
export const TEXT_FILTERS = [
  ["q", "Search"],
  ["type", "Type"],
  ["resource", "Resource"],
  ["account", "Account"],
  ["region", "Region"],
] as const;

export type FilterChange = (p: URLSearchParams) => void;

export function buildFilterParams(current: URLSearchParams, change: FilterChange): URLSearchParams {
  const next = new URLSearchParams(current);
  next.delete("cursor");
  change(next);
  return next;
}

/** Adds `value` to a repeated parameter, or takes it out if it is there. */
export function toggleParamValue(p: URLSearchParams, key: string, value: string): void {
  const values = p.getAll(key);
  p.delete(key);
  for (const v of values.includes(value) ? values.filter((x) => x !== value) : [...values, value]) p.append(key, v);
}

/** Sets each text filter from the form's draft (trimmed); an empty one is removed. */
export function setTextFilters(p: URLSearchParams, draft: Record<string, string>): void {
  for (const [k] of TEXT_FILTERS) {
    const v = draft[k]?.trim();
    if (v) p.set(k, v);
    else p.delete(k);
  }
}

/** The CSV export covers the whole filter, not the page on screen. */
export function buildExportHref(params: URLSearchParams): string {
  return `/api/findings/export?${new URLSearchParams([...params].filter(([k]) => k !== "cursor")).toString()}`;
}
