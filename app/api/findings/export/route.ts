// GET /api/findings/export — the current filter as CSV, streamed (analysts, admins)
import { exportFindingsCsv } from "@/lib/findings";
import { withRoute } from "@/lib/http/with-route";
import { withSignal } from "@/lib/ports/lake-query";
import { FindingsQuery } from "@/lib/schemas/findings";

const ExportQuery = FindingsQuery.omit({ cursor: true, limit: true });

export const GET = withRoute(
  { auth: ["analysts", "admins"], query: ExportQuery },
  async ({ req, ctx, principal, query }) => {
    const lines = exportFindingsCsv({
      ctx: { db: ctx.db, lake: withSignal(ctx.lake, req.signal), principal },
      input: query,
    });
    // The first chunk is read before answering, so a bad filter or a refused role is a JSON error, not a broken download.
    const first = await lines.next();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (!first.done) controller.enqueue(encoder.encode(first.value));
      },
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await lines.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="sightline-findings-${new Date().toISOString().slice(0, 10)}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);
