/**
 * The Content-Security-Policy of every page, built per request: scripts only with this request's
 * nonce (Next puts it on its own scripts; `'strict-dynamic'` lets those load the chunks they
 * need), never `'unsafe-inline'`; in AWS, sign-in may reach the configured region's Cognito host
 * (a CSP wildcard is valid only as the leftmost label, so the region is named).
 */
export function buildCsp(opts: { nonce: string; dev: boolean; cognitoRegion?: string | null }): string {
  const cognito = opts.cognitoRegion ? ` https://cognito-idp.${opts.cognitoRegion}.amazonaws.com` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // Charts and Next's style injection set inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${cognito}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** The Cognito region: `AWS_REGION`, else the prefix of the user pool id (`eu-west-1_AbC…`). */
export function cognitoRegionOf(env: { AWS_REGION?: string; COGNITO_USER_POOL_ID?: string }): string | null {
  const region = env.AWS_REGION ?? env.COGNITO_USER_POOL_ID?.split("_")[0];
  return region && /^[a-z]{2}(-[a-z]+)+-\d$/.test(region) ? region : null;
}
