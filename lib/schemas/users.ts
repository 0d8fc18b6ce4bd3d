import { z } from "zod";
import { Role } from "./auth";

export const UserDto = z.object({
  id: z.string(),
  email: z.string(),
  roles: z.array(Role),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof UserDto>;

export const CreateUserInput = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    roles: z.array(Role).min(1).max(3),
    password: z.string().min(12, "at least 12 characters").max(1024).optional(),
  })
  .strict();
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z
  .object({
    roles: z.array(Role).min(1).max(3).optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.roles !== undefined || v.disabled !== undefined, "nothing to update");
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;
