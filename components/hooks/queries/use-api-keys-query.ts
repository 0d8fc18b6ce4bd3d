"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import { apiFetch } from "../api-fetch";

export function useApiKeysQuery() {
  return useQuery({
    queryKey: ["api-keys"],
    queryFn: ({ signal }) => apiFetch<{ apiKeys: ApiKeyDto[] }>("/api/admin/api-keys", { signal }),
  });
}

/** The created key is in the result only: it is shown once. */
export function useCreateApiKeyMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiFetch<{ key: string }>("/api/admin/api-keys", { method: "POST", json: { name } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["api-keys"] }),
  });
}

export function useRevokeApiKeyMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/admin/api-keys/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["api-keys"] }),
  });
}
