import type { Role } from "./auth";

/** Which sections each role sees. Pages and routes enforce the same lists on the server. */
export const SECTIONS = [
  { href: "/findings", label: "Findings", roles: ["analysts", "admins"] },
  { href: "/activity", label: "Activity", roles: ["analysts", "admins"] },
  { href: "/rules", label: "Rules", roles: ["analysts", "admins"] },
  { href: "/reviews", label: "Reviews", roles: ["reviewers", "admins"] },
  { href: "/incidents", label: "Incidents", roles: ["analysts", "reviewers", "admins"] },
  { href: "/notifications", label: "Notifications", roles: ["analysts", "reviewers", "admins"] },
  { href: "/clickstream", label: "Clickstream", roles: ["admins"] },
  { href: "/admin", label: "Admin", roles: ["admins"] },
] as const satisfies readonly { href: string; label: string; roles: readonly Role[] }[];

export type Section = (typeof SECTIONS)[number];

export const sectionsFor = (roles: readonly Role[]) => SECTIONS.filter((s) => s.roles.some((r) => roles.includes(r)));

export const rolesFor = (href: Section["href"]): readonly Role[] => SECTIONS.find((s) => s.href === href)?.roles ?? [];
