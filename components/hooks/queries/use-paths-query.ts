"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { FunnelQueryInput } from "@/lib/schemas/funnel";
import type { FunnelCorrelationResult } from "@/lib/schemas/funnel-correlation";
import type { PathsResult } from "@/lib/schemas/paths";
import { apiFetch } from "../api-fetch";

/** The paths diagram for the URL's query. Not retried: a bad event name is the user's to fix, shown at once. */
export function usePathsFlowQuery(search: string) {
  return useQuery({
    queryKey: ["paths-flow", search],
    queryFn: ({ signal }) => apiFetch<PathsResult>(`/api/clickstream/paths/flow?${search}`, { signal }),
    retry: false,
  });
}

/** Correlation of a funnel, on demand (it reads raw events). */
export function useFunnelCorrelation() {
  return useMutation({
    mutationFn: (funnel: FunnelQueryInput) =>
      apiFetch<FunnelCorrelationResult>("/api/clickstream/funnel/correlation", { method: "POST", json: { funnel } }),
  });
}
