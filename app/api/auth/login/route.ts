// POST /api/auth/login — local sign-in; sets the httpOnly session cookie
import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/http/with-route";
import { LoginInput } from "@/lib/schemas/auth";

export const POST = withRoute(
  { auth: "public", body: LoginInput, originCheck: "always" },
  async ({ req, ctx, body }) => {
    if (!ctx.identity.signIn) throw new AppError("not_found", "Local sign-in is not enabled on this backend");
    const { principal, cookie } = await ctx.identity.signIn({
      ...body,
      userAgent: req.headers.get("user-agent") ?? undefined,
    });
    const secure = new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
    const attrs = [
      `${cookie.name}=${encodeURIComponent(cookie.value)}`,
      "Path=/",
      "HttpOnly",
      "SameSite=Lax",
      `Expires=${cookie.expires.toUTCString()}`,
      ...(secure ? ["Secure"] : []),
    ];
    return Response.json({ principal }, { headers: { "Set-Cookie": attrs.join("; ") } });
  },
);
