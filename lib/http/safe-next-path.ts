const BASE = "http://sightline.invalid";

/**
 * Only a path on our own origin may be a post-sign-in destination (no open redirect). The value is
 * read by the same URL parser the browser uses, so what browsers strip or reinterpret (tabs, new
 * lines, back slashes, `//host`) cannot change the origin after this check; the answer is the
 * parsed, percent-encoded path, safe in a `Location` header.
 */
export function safeNextPath(next: string | undefined): string {
  if (!next || !next.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/\t/evil` parses to the path `//evil` on our origin, which a second parse would read as a host.
  return path.startsWith("//") || path.startsWith("/\\") ? "/" : path;
}
