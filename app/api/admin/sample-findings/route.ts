// POST /api/admin/sample-findings — GuardDuty-style sample findings about the simulated estate, through the real ETL (local backend, admins)
import { withRoute } from "@/lib/http/with-route";
import { generateSampleFindings } from "@/lib/runtime/sample-findings";
import { SampleFindingsInput } from "@/lib/schemas/incidents";

export const POST = withRoute({ auth: ["admins"], body: SampleFindingsInput }, async ({ ctx, principal, body }) =>
  generateSampleFindings({ ctx, principal, input: body }),
);
