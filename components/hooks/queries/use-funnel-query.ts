"use client";

import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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

/**
 * Refetches the saved funnels after a change. A list fetch still in flight from before the change is
 * cancelled first: invalidating alone would wait for that fetch (a first load is not cancelled) and
 * keep its answer, which does not have the change.
 */
async function refreshSaved(qc: QueryClient, queryKey: readonly string[] = ["funnels"]) {
  await qc.cancelQueries({ queryKey: ["funnels", "list"] });
  await qc.invalidateQueries({ queryKey });
}

export function useSaveFunnelMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; definition: FunnelQueryInput }) =>
      apiFetch<SavedFunnel>("/api/clickstream/funnels", { method: "POST", json: input }),
    onSuccess: () => refreshSaved(qc),
  });
}

export function useRenameFunnelMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      apiFetch<SavedFunnel>(`/api/clickstream/funnels/${encodeURIComponent(id)}`, { method: "PATCH", json: { name } }),
    onSuccess: () => refreshSaved(qc),
  });
}

export function useDeleteFunnelMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ ok: true }>(`/api/clickstream/funnels/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => refreshSaved(qc, ["funnels", "list"]),
  });
}
