// POST /api/auth/logout — revokes the session server-side and clears the cookie
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { withRoute } from "@/lib/http/with-route";
import { authRequestFrom } from "@/lib/ports/identity";

export const POST = withRoute({ auth: "signed-in" }, async ({ req, ctx }) => {
  await ctx.identity.signOut?.(authRequestFrom(req));
  return new Response(null, {
    status: 204,
    headers: { "Set-Cookie": `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` },
  });
});
