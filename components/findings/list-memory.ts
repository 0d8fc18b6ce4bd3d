/**
 * What the findings list remembers for the tab (sessionStorage): the list's URL, so "back to list"
 * from a finding returns to the same filter, and the finding last opened, so the list comes back
 * with that row active.
 */
const LIST_URL = "sightline.findings.list";
const LAST_OPENED = "sightline.findings.opened";

const storage = (): Storage | null => (typeof window === "undefined" ? null : window.sessionStorage);

export const rememberListUrl = (url: string) => storage()?.setItem(LIST_URL, url);
export const listUrl = (): string => {
  const url = storage()?.getItem(LIST_URL);
  return url?.startsWith("/findings") ? url : "/findings";
};
export const rememberOpened = (id: string) => storage()?.setItem(LAST_OPENED, id);
export const lastOpened = (): string | null => storage()?.getItem(LAST_OPENED) ?? null;
