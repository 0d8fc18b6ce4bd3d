"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { IncidentDetail, IncidentSummary, ReleaseInput, SampleFindingsInput } from "@/lib/schemas/incidents";
import type { ChannelInput, ChannelSummary, NotificationDto } from "@/lib/schemas/notifications";
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

export function useInAppQuery() {
  return useQuery({
    queryKey: ["notifications", "inapp"],
    queryFn: ({ signal }) => apiFetch<{ items: NotificationDto[] }>("/api/notifications", { signal }),
    refetchInterval: 10_000,
  });
}

export function useOutboxQuery(channel: string, status: string) {
  const qs = new URLSearchParams({ ...(channel ? { channel } : {}), ...(status ? { status } : {}) }).toString();
  return useQuery({
    queryKey: ["notifications", "outbox", qs],
    queryFn: ({ signal }) =>
      apiFetch<{ items: NotificationDto[]; totals: Record<string, number> }>(
        `/api/admin/notifications${qs ? `?${qs}` : ""}`,
        {
          signal,
        },
      ),
    refetchInterval: 10_000,
  });
}

export function useChannelsQuery() {
  return useQuery({
    queryKey: ["notifications", "channels"],
    queryFn: ({ signal }) => apiFetch<{ channels: ChannelSummary[] }>("/api/admin/channels", { signal }),
  });
}

export function useCreateChannelMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput) =>
      apiFetch<{ id: string }>("/api/admin/channels", { method: "POST", json: input }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["notifications"] }),
  });
}

export function useDeleteChannelMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/admin/channels/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["notifications"] }),
  });
}

export function useTestChannelMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ status: string; error: string | null }>(`/api/admin/channels/${encodeURIComponent(id)}/test`, {
        method: "POST",
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["notifications"] }),
  });
}
