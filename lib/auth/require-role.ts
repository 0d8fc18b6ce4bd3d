import { AppError } from "@/lib/errors";
import { hasAnyRole, type Principal, type Role } from "@/lib/schemas/auth";

/** Domain verbs check the caller's role themselves, whoever calls them. */
export function requireRole(principal: Principal | null, allowed: readonly Role[]): Principal {
  if (!principal) throw new AppError("unauthorized", "Sign in first");
  if (!hasAnyRole(principal, allowed)) throw new AppError("forbidden", `Requires one of: ${allowed.join(", ")}`);
  return principal;
}
