"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ChannelInput,
  ChannelSummary,
  InAppList,
  MarkReadInput,
  NotificationDto,
} from "@/lib/schemas/notifications";
import { apiFetch } from "../api-fetch";

export function useInAppQuery() {
  return useQuery({
    queryKey: ["notifications", "inapp"],
    queryFn: ({ signal }) => apiFetch<InAppList>("/api/notifications", { signal }),
    refetchInterval: 10_000,
  });
}

/** The caller's unread in-app count, for the badge in the navigation. */
export function useUnreadCountQuery() {
  return useQuery({
    queryKey: ["notifications", "unread"],
    queryFn: ({ signal }) => apiFetch<{ unread: number }>("/api/notifications/unread", { signal }),
    refetchInterval: 30_000,
  });
}

export function useMarkReadMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkReadInput) =>
      apiFetch<{ unread: number }>("/api/notifications/read", { method: "POST", json: input }),
    onSuccess: (r) => qc.setQueryData(["notifications", "unread"], r),
    onSettled: () => qc.invalidateQueries({ queryKey: ["notifications"] }),
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
