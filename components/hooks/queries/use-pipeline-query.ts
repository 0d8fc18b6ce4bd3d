"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PipelineStatus } from "@/lib/schemas/pipeline";
import { apiFetch } from "../api-fetch";

export function usePipelineQuery() {
  return useQuery({
    queryKey: ["clickstream", "status"],
    queryFn: ({ signal }) => apiFetch<PipelineStatus>("/api/admin/clickstream", { signal }),
    refetchInterval: 15_000,
  });
}

export function useRunEtlMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ status: string; loaded: number }>("/api/admin/clickstream/etl", { method: "POST" }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["clickstream"] }),
  });
}
