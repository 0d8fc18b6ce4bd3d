const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cookie-authenticated writes must come from our own origin. Browsers send `Origin`
 * on every cross-site (and same-site) POST/PUT/PATCH/DELETE; `Sec-Fetch-Site` backs it up.
 * Requests without cookies (API keys, bearer tokens) carry no ambient authority and pass.
 * A cookie-carrying write with neither header is refused.
 */
export function isSameOriginWrite(req: Request): boolean {
  if (!UNSAFE.has(req.method)) return true;
  if (!req.headers.get("cookie")) return true;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = req.headers.get("origin");
  if (!origin) return site === "same-origin";
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
