"use client";

import { useQuery } from "@tanstack/react-query";
import type { RetentionQueryInput, RetentionResult } from "@/lib/schemas/retention";
import type { TrendsQueryInput, TrendsResult } from "@/lib/schemas/trends";
import { apiFetch } from "../api-fetch";

/** Not retried: a refused query is the user's to fix, and the error shows at once. */
export function useRetentionQuery(input: RetentionQueryInput) {
  return useQuery({
    queryKey: ["retention", JSON.stringify(input)],
    queryFn: ({ signal }) =>
      apiFetch<RetentionResult>("/api/clickstream/retention", { method: "POST", json: input, signal }),
    retry: false,
  });
}

export function useTrendsQuery(input: TrendsQueryInput) {
  return useQuery({
    queryKey: ["trends", JSON.stringify(input)],
    queryFn: ({ signal }) => apiFetch<TrendsResult>("/api/clickstream/trends", { method: "POST", json: input, signal }),
    retry: false,
  });
}
