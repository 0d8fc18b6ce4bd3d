"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateUserInput, UpdateUserInput, UserDto } from "@/lib/schemas/users";
import { apiFetch } from "../api-fetch";

export const usersKey = ["users", "list"] as const;

export function useUsersQuery() {
  return useQuery({ queryKey: usersKey, queryFn: () => apiFetch<{ users: UserDto[] }>("/api/admin/users") });
}

export function useCreateUserMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) =>
      apiFetch<{ user: UserDto; password?: string }>("/api/admin/users", { method: "POST", json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUserMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateUserInput }) =>
      apiFetch<{ user: UserDto }>(`/api/admin/users/${encodeURIComponent(id)}`, { method: "PATCH", json: patch }),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}
