"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ActivityPage, EntityTimeline } from "@/lib/schemas/activity";
import type { FindingDetail, FindingsPage } from "@/lib/schemas/findings";
import type { SuppressionInput, SuppressionRule } from "@/lib/schemas/suppressions";
import type { TriageInput } from "@/lib/schemas/triage";
import { apiFetch } from "../api-fetch";

/** The page's URL query string is the filter: the same string goes to the API. */
export function useFindingsQuery(search: string) {
  return useQuery({
    queryKey: ["findings", "list", search],
    queryFn: ({ signal }) => apiFetch<FindingsPage>(`/api/findings?${search}`, { signal }),
    placeholderData: (prev) => prev,
  });
}

export function useFindingQuery(id: string) {
  return useQuery({
    queryKey: ["findings", "detail", id],
    queryFn: ({ signal }) => apiFetch<FindingDetail>(`/api/findings/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useTriageMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TriageInput) =>
      apiFetch<{ ok: true }>(`/api/findings/${encodeURIComponent(id)}`, { method: "PATCH", json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["findings"] }),
  });
}

/** `enabled: false` when the page already knows the search cannot run (it says why instead). */
export function useActivityQuery(search: string, enabled = true) {
  return useQuery({
    queryKey: ["activity", "search", search],
    queryFn: ({ signal }) => apiFetch<ActivityPage>(`/api/activity?${search}`, { signal }),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function useEntityQuery(search: string, enabled = true) {
  return useQuery({
    queryKey: ["entities", "timeline", search],
    queryFn: ({ signal }) => apiFetch<EntityTimeline>(`/api/entities?${search}`, { signal }),
    enabled,
  });
}

export function useSuppressionsQuery() {
  return useQuery({
    queryKey: ["suppressions", "list"],
    queryFn: ({ signal }) => apiFetch<{ rules: SuppressionRule[] }>("/api/suppressions", { signal }),
  });
}

export function useCreateSuppressionMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SuppressionInput) =>
      apiFetch<{ rule: SuppressionRule }>("/api/suppressions", { method: "POST", json: input }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ["suppressions"] }),
        qc.invalidateQueries({ queryKey: ["findings"] }),
      ]),
  });
}

export function useDeleteSuppressionMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/suppressions/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ["suppressions"] }),
        qc.invalidateQueries({ queryKey: ["findings"] }),
      ]),
  });
}
