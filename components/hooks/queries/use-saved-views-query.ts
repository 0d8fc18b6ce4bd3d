"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SavedView, SavedViewInput } from "@/lib/schemas/saved-views";
import { apiFetch } from "../api-fetch";

export function useSavedViewsQuery() {
  return useQuery({
    queryKey: ["saved-views", "list"],
    queryFn: ({ signal }) => apiFetch<{ views: SavedView[] }>("/api/saved-views", { signal }),
  });
}

export function useSaveViewMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedViewInput) =>
      apiFetch<{ view: SavedView }>("/api/saved-views", { method: "POST", json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["saved-views"] }),
  });
}

export function useDeleteSavedViewMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ ok: true }>(`/api/saved-views/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["saved-views"] }),
  });
}
