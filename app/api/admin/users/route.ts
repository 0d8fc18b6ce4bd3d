// GET /api/admin/users — all users · POST /api/admin/users — add a user (admins)
import { withRoute } from "@/lib/http/with-route";
import { CreateUserInput } from "@/lib/schemas/users";
import { createUser, listUsers } from "@/lib/users";

export const GET = withRoute({ auth: ["admins"] }, async ({ ctx, principal }) => ({
  users: await listUsers({ ctx: { db: ctx.db, principal } }),
}));

export const POST = withRoute({ auth: ["admins"], body: CreateUserInput }, async ({ ctx, principal, body }) => {
  const created = await createUser({ ctx: { db: ctx.db, principal }, input: body });
  return Response.json(created, { status: 201 });
});
