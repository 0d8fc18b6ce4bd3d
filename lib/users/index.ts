export { requireRole } from "@/lib/auth/require-role";
export { createUser } from "./create-user";
export { listUsers } from "./list-users";
export { seedEmail, seedUsers } from "./seed-users";
export { updateUser } from "./update-user";
