// PATCH /api/admin/users/:id — change roles or disable (admins); signs the user out
import { IdParams, withRoute } from "@/lib/http/with-route";
import { UpdateUserInput } from "@/lib/schemas/users";
import { updateUser } from "@/lib/users";

export const PATCH = withRoute(
  { auth: ["admins"], params: IdParams, body: UpdateUserInput },
  async ({ ctx, principal, params, body }) => ({
    user: await updateUser({ ctx: { db: ctx.db, principal }, id: params.id, input: body }),
  }),
);
