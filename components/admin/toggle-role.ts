import type { Role } from "@/lib/schemas/auth";

/** `list` with `role` added, or removed when it is there. */
export const toggleRole = (list: Role[], role: Role) =>
  list.includes(role) ? list.filter((r) => r !== role) : [...list, role];
