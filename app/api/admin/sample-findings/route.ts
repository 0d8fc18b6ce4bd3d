// POST /api/admin/sample-findings — GuardDuty-style sample findings about the simulated estate, through the real ETL (local backend, admins)
import { generateSampleFindings } from "@/lib/demo/sample-findings";
import { withRoute } from "@/lib/http/with-route";
import { SampleFindingsInput } from "@/lib/schemas/incidents";

export const POST = withRoute({ auth: ["admins"], body: SampleFindingsInput }, async ({ ctx, principal, body }) =>
  generateSampleFindings({
    ctx,
    principal,
    input: body,
    // Loaded per request, not at module load: DuckDB is local-only and left out of the AWS server bundle.
    scanRawArea: async (...args) => (await import("@/lib/runtime/local-lake")).scanRawArea(...args),
  }),
);
