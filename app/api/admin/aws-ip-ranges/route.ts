// POST /api/admin/aws-ip-ranges — read AWS's IP ranges again, from SIGHTLINE_AWS_IP_RANGES_URL or the data file (admins)

import { refreshAwsIpRanges } from "@/lib/findings";
import { withRoute } from "@/lib/http/with-route";

export const POST = withRoute({ auth: ["admins"] }, async ({ ctx, principal }) =>
  refreshAwsIpRanges({ ctx: { db: ctx.db, principal, url: ctx.env.SIGHTLINE_AWS_IP_RANGES_URL } }),
);
