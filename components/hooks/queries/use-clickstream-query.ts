"use client";

import { useQuery } from "@tanstack/react-query";
import type { Overview, ProductReportRow, SessionSummary, SessionTimeline } from "@/lib/schemas/clickstream-reports";
import { apiFetch } from "../api-fetch";

/** `q`: the overview's URL state (from, to, unit), sent as it is. */
export function useOverviewQuery(q: Record<string, string>) {
  return useQuery({
    queryKey: ["overview", q],
    queryFn: ({ signal }) => apiFetch<Overview>(`/api/clickstream/overview?${new URLSearchParams(q)}`, { signal }),
  });
}

export function useProductReportQuery(search: string) {
  return useQuery({
    queryKey: ["products", search],
    queryFn: ({ signal }) => apiFetch<ProductReportRow[]>(`/api/clickstream/products?${search}`, { signal }),
  });
}

export function useSessionsQuery(search: string) {
  return useQuery({
    queryKey: ["sessions", search],
    queryFn: ({ signal }) => apiFetch<SessionSummary[]>(`/api/clickstream/sessions?${search}`, { signal }),
  });
}

/** Not retried: a bad start or end event is the user's to fix, and the error shows at once. */
export function useTopPathsQuery(search: string) {
  return useQuery({
    queryKey: ["paths", search],
    queryFn: ({ signal }) =>
      apiFetch<{ path: string[]; sessions: number }[]>(`/api/clickstream/paths?${search}`, { signal }),
    retry: false,
  });
}

export function useSessionTimelineQuery(sessionId: string) {
  return useQuery({
    queryKey: ["session", sessionId],
    queryFn: ({ signal }) =>
      apiFetch<SessionTimeline>(`/api/clickstream/sessions/${encodeURIComponent(sessionId)}`, { signal }),
  });
}
