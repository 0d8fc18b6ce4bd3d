// POST /api/detections/run — run the threshold and sequence rules now (admins; local backend, 409 in AWS)
import { runDetectionsNow } from "@/lib/detections/run-detections-now";
import { withRoute } from "@/lib/http/with-route";

export const POST = withRoute({ auth: ["admins"] }, async ({ ctx, principal }) =>
  runDetectionsNow({ ctx: { ...ctx, principal } }),
);
