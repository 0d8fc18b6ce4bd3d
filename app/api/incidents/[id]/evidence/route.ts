// GET /api/incidents/:id/evidence?key=… — download one collected evidence object (analysts, admins; audited).
// The SHA-256 of what is served is in X-Evidence-SHA256, and X-Evidence-Matches-Recorded says whether it equals the timeline's.
import { IdParams, withRoute } from "@/lib/http/with-route";
import { EvidenceQuery, getEvidence } from "@/lib/incidents/get-evidence";
import { EVIDENCE_ROLES } from "@/lib/incidents/roles";

export const GET = withRoute(
  { auth: EVIDENCE_ROLES, params: IdParams, query: EvidenceQuery },
  async ({ ctx, principal, params, query }) => {
    const e = await getEvidence({
      ctx: { db: ctx.db, principal },
      evidence: ctx.incidents.evidence,
      id: params.id,
      input: query,
    });
    return new Response(Buffer.from(e.body), {
      headers: {
        "content-type": "application/octet-stream",
        "content-disposition": `attachment; filename="${
          e.key
            .split("/")
            .pop()
            ?.replace(/[^\w.-]/g, "_") ?? "evidence"
        }"`,
        "x-evidence-sha256": e.sha256,
        "x-evidence-matches-recorded": String(e.matchesRecorded),
        "cache-control": "no-store",
      },
    });
  },
);
