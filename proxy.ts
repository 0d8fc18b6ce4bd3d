import { type NextRequest, NextResponse } from "next/server";

/**
 * Passes the requested path to server components (layouts cannot see it) so a sign-in
 * redirect can come back to the same page. No authorization happens here: every page and
 * route checks the caller itself.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-sightline-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!api/|_next/|favicon.ico|t.js).*)"] };
