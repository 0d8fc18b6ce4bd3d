import { z } from "zod";

/** Roles are Cognito group names; local users carry the same names. */
export const Role = z.enum(["analysts", "reviewers", "admins"]);
export type Role = z.infer<typeof Role>;
export const ROLES = Role.options;

export const Principal = z.object({
  id: z.string(),
  email: z.string(),
  roles: z.array(Role),
});
export type Principal = z.infer<typeof Principal>;

export const LoginInput = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    password: z.string().min(1).max(1024),
  })
  .strict();
export type LoginInput = z.infer<typeof LoginInput>;

export const hasAnyRole = (p: Pick<Principal, "roles">, allowed: readonly Role[]) =>
  p.roles.some((r) => allowed.includes(r));
