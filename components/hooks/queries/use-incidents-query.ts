"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { IncidentDetail, IncidentSummary, ReleaseInput, SampleFindingsInput } from "@/lib/schemas/incidents";
import { apiFetch } from "../api-fetch";

const MOVING = new Set(["open", "awaiting_approval", "containing", "releasing"]);

export function useIncidentsQuery(status: string) {
  return useQuery({
    queryKey: ["incidents", "list", status],
    queryFn: ({ signal }) =>
      apiFetch<{ items: IncidentSummary[] }>(`/api/incidents${status ? `?status=${encodeURIComponent(status)}` : ""}`, {
        signal,
      }),
    refetchInterval: 5_000,
  });
}

export function useIncidentQuery(id: string) {
  return useQuery({
    queryKey: ["incidents", "detail", id],
    queryFn: ({ signal }) => apiFetch<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`, { signal }),
    // While the workflow is moving, the timeline grows step by step.
    refetchInterval: (q) => (q.state.data && !MOVING.has(q.state.data.incident.status) ? 15_000 : 1_500),
  });
}

export function useReleaseMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ReleaseInput) =>
      apiFetch<{ executionId: string }>(`/api/incidents/${encodeURIComponent(id)}/release`, {
        method: "POST",
        json: input,
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["incidents"] }),
  });
}

export function useSampleFindingsMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<SampleFindingsInput>) =>
      apiFetch<{ findingIds: string[]; resourceId: string; records: number }>("/api/admin/sample-findings", {
        method: "POST",
        json: input,
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["incidents"] }),
  });
}
