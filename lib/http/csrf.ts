const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface OriginCheck {
  /** The app's configured origin (`SIGHTLINE_APP_URL`); unset, the local server's own `http://<Host>`. */
  appOrigin?: string | null;
  /**
   * Check even when the request carries no cookie: sign-in, where a cross-site form could sign the
   * victim's browser into the attacker's account (login CSRF).
   */
  always?: boolean;
}

/** `scheme://host[:port]` of a URL, or null. */
export const originOf = (url: string | null | undefined): string | null => {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * Cookie-authenticated writes must come from our own origin — scheme, host and port, compared with
 * the configured app URL (never with `X-Forwarded-Host`, which a client can write). Browsers send
 * `Origin` on every cross-site (and same-site) POST/PUT/PATCH/DELETE; `Sec-Fetch-Site` backs it up.
 * Requests without cookies (API keys, bearer tokens) carry no ambient authority and pass, except
 * where `always` is set; there a request with neither header is a non-browser client and passes.
 * A cookie-carrying write with neither header is refused.
 */
export function isSameOriginWrite(req: Request, check: OriginCheck = {}): boolean {
  if (!UNSAFE.has(req.method)) return true;
  const hasCookie = Boolean(req.headers.get("cookie"));
  if (!hasCookie && !check.always) return true;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = req.headers.get("origin");
  if (!origin) return hasCookie ? site === "same-origin" : true;
  const host = req.headers.get("host") ?? new URL(req.url).host;
  const expected = check.appOrigin ?? `http://${host}`;
  return originOf(origin) === expected && origin === expected;
}
