import { TRIAGE_STATUSES, type TriageStatus } from "@/lib/schemas/triage";

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

/**
 * Resolved and suppressed findings are hidden unless the URL asks for them: no `status` means the
 * open ones (new, in progress); `status=all` means every status; otherwise the statuses listed.
 */
export const OPEN_STATUSES: readonly TriageStatus[] = ["new", "in_progress"];
export const ALL_STATUSES = "all";

export function shownStatuses(params: URLSearchParams): readonly TriageStatus[] {
  const listed = params.getAll("status");
  if (listed.includes(ALL_STATUSES)) return TRIAGE_STATUSES;
  const known = TRIAGE_STATUSES.filter((s) => listed.includes(s));
  return known.length ? known : OPEN_STATUSES;
}

/** Writes a set of statuses the shortest way: nothing for the open ones, `all` for every one (or none). */
function setStatuses(p: URLSearchParams, statuses: readonly TriageStatus[]): void {
  p.delete("status");
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
  if (same(statuses, OPEN_STATUSES)) return;
  if (statuses.length === 0 || same(statuses, TRIAGE_STATUSES)) p.set("status", ALL_STATUSES);
  else for (const s of TRIAGE_STATUSES) if (statuses.includes(s)) p.append("status", s);
}

/** Shows or hides one status, starting from what is shown now. */
export function toggleStatus(p: URLSearchParams, status: TriageStatus): void {
  const shown = shownStatuses(p);
  setStatuses(p, shown.includes(status) ? shown.filter((s) => s !== status) : [...shown, status]);
}

/** Are resolved or suppressed findings part of the view? */
export const showsClosed = (params: URLSearchParams) => shownStatuses(params).some((s) => !OPEN_STATUSES.includes(s));

/** One click: every status, or back to the open ones. */
export function setClosedShown(p: URLSearchParams, show: boolean): void {
  setStatuses(p, show ? TRIAGE_STATUSES : OPEN_STATUSES);
}

/** The API's query for the page's URL: the statuses written out (the API's default is every status). */
export function buildApiSearch(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams([...params].filter(([k]) => k !== "status"));
  const shown = shownStatuses(params);
  if (shown.length < TRIAGE_STATUSES.length) for (const s of shown) next.append("status", s);
  return next;
}

/** The CSV export covers the whole filter, not the page on screen. */
export function buildExportHref(params: URLSearchParams): string {
  const search = [...buildApiSearch(params)].filter(([k]) => k !== "cursor");
  return `/api/findings/export?${new URLSearchParams(search).toString()}`;
}
