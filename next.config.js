// @ts-check
// Built for AWS (SST's OpenNext build runs with the site's environment, SIGHTLINE_BACKEND=aws): the
// embedded engines are local-only and are loaded lazily, so they stay out of the server bundle.
const awsBuild = process.env.SIGHTLINE_BACKEND === "aws";
const LOCAL_ONLY = ["node_modules/@duckdb/**", "node_modules/@electric-sql/**"];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `forbidden()` (lib/http/page-auth.ts): a page a role may not see answers HTTP 403, not 200.
  experimental: { authInterrupts: true },
  // A build-time constant: in the AWS build, instrumentation.ts drops the local background work (and,
  // with it, the local engines) from the server bundle.
  env: { SIGHTLINE_BUILT_FOR: awsBuild ? "aws" : "local" },
  // The review pages draw each workflow's state graph from the repo's ASL files at run time; entity
  // pages read AWS's IP ranges from data/.
  outputFileTracingIncludes: { "/**": ["./workflows/*.asl.json", "./data/aws-ip-ranges.json"] },
  ...(awsBuild ? { outputFileTracingExcludes: { "/**": LOCAL_ONLY } } : {}),
  // Typecheck runs as its own step (`npm run typecheck`); don't pay for it twice.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg",
    "postgrator",
    "@duckdb/node-api",
  ],
  // The Content-Security-Policy is set per request with a nonce, in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
