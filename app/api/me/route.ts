// GET /api/me — the signed-in principal and the sections it may open
import { withRoute } from "@/lib/http/with-route";
import { sectionsFor } from "@/lib/schemas/navigation";

export const GET = withRoute({ auth: "signed-in" }, async ({ principal }) => ({
  principal,
  sections: sectionsFor(principal.roles).map((s) => s.href),
}));
