import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getContext } from "@/lib/adapters";
import { hasAnyRole, type Principal, type Role } from "@/lib/schemas/auth";

/** The signed-in principal of the current page request, or null. */
export async function getPagePrincipal(): Promise<Principal | null> {
  const [ctx, jar, hdrs] = await Promise.all([getContext(), cookies(), headers()]);
  return ctx.identity.authenticate({ cookie: (n) => jar.get(n)?.value, header: (n) => hdrs.get(n) });
}

/**
 * Pages call this first: no session → sign-in page (coming back here after); wrong role → `forbidden()`,
 * which answers HTTP 403 with the signed-in shell's friendly panel (`app/(app)/forbidden.tsx`). The
 * proxy is never relied on.
 */
export async function requirePagePrincipal(path: string, roles?: readonly Role[]): Promise<{ principal: Principal }> {
  const principal = await getPagePrincipal();
  if (!principal) {
    // The proxy passes the real path (with query) so sign-in returns exactly here.
    const requested = (await headers()).get("x-sightline-path") ?? path;
    redirect(`/login?next=${encodeURIComponent(requested)}`);
  }
  if (roles && !hasAnyRole(principal, roles)) forbidden();
  return { principal };
}
