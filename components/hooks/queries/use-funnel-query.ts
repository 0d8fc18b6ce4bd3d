"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SavedFunnel } from "@/lib/schemas/clickstream-reports";
import type { FunnelQueryInput, FunnelResult } from "@/lib/schemas/funnel";
import { buildFunnelQuery, type FunnelForm } from "@/lib/schemas/funnel-form";
import { apiFetch } from "../api-fetch";

/** The result of the form the page URL applies; nothing runs while there is none (a saved one loading). */
export function useFunnelQuery(applied: FunnelForm | null) {
  return useQuery({
    queryKey: ["funnel", applied ? JSON.stringify(applied) : ""],
    queryFn: ({ signal }) =>
      apiFetch<FunnelResult>("/api/clickstream/funnel", {
        method: "POST",
        json: buildFunnelQuery(applied as FunnelForm),
        signal,
      }),
    enabled: Boolean(applied),
    retry: false,
  });
}

export function useSavedFunnelQuery(id: string | null) {
  return useQuery({
    queryKey: ["funnels", "saved", id],
    queryFn: ({ signal }) => apiFetch<SavedFunnel>(`/api/clickstream/funnels/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSavedFunnelsQuery() {
  return useQuery({
    queryKey: ["funnels", "list"],
    queryFn: ({ signal }) => apiFetch<SavedFunnel[]>("/api/clickstream/funnels", { signal }),
  });
}

export function useSaveFunnelMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; definition: FunnelQueryInput }) =>
      apiFetch<SavedFunnel>("/api/clickstream/funnels", { method: "POST", json: input }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ["funnels"] });
    },
  });
}

export function useRenameFunnelMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      apiFetch<SavedFunnel>(`/api/clickstream/funnels/${encodeURIComponent(id)}`, { method: "PATCH", json: { name } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["funnels"] }),
  });
}

export function useDeleteFunnelMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ ok: true }>(`/api/clickstream/funnels/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["funnels", "list"] }),
  });
}
