// GET /api/admin/audit — the audit log, filterable; `format=csv` downloads it (admins)
import { auditCsv, listAudit } from "@/lib/audit/list-audit";
import { withRoute } from "@/lib/http/with-route";
import { AuditQuery } from "@/lib/schemas/audit";

export const GET = withRoute({ auth: ["admins"], query: AuditQuery }, async ({ ctx, principal, query }) => {
  const { entries, format } = await listAudit({ ctx: { db: ctx.db, principal }, input: query });
  if (format === "csv") {
    return new Response(auditCsv(entries), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="sightline-audit.csv"',
      },
    });
  }
  return { entries };
});
