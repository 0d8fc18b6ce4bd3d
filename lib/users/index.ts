export { createUser } from "./create-user";
export { listUsers } from "./list-users";
export { requireRole } from "./require-role";
export { seedEmail, seedUsers } from "./seed-users";
export { updateUser } from "./update-user";
