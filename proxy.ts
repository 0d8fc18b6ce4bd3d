import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { buildCsp, cognitoRegionOf } from "@/lib/http/csp";

/**
 * Per page request: a fresh CSP nonce (Next reads it from the request's CSP header and puts it on
 * its scripts; the response carries the same policy), and the requested path for server components
 * (layouts cannot see it) so a sign-in redirect can come back to the same page. No authorization
 * happens here: every page and route checks the caller itself.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const e = env();
  const csp = buildCsp({
    nonce,
    dev: process.env.NODE_ENV !== "production",
    cognitoRegion: e.SIGHTLINE_BACKEND === "aws" ? cognitoRegionOf(e) : null,
  });
  const headers = new Headers(request.headers);
  headers.set("x-sightline-path", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = { matcher: ["/((?!api/|_next/|favicon.ico|t.js).*)"] };
