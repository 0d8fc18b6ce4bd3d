"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BulkDecisionInput, BulkDecisionResult, DecisionInput, ReviewSummary } from "@/lib/schemas/applications";
import type { ReviewCommentDto, ReviewDetailDto } from "@/lib/schemas/reviews";
import { apiFetch } from "../api-fetch";

export function useReviewsQuery(search: string) {
  return useQuery({
    queryKey: ["reviews", "list", search],
    queryFn: ({ signal }) =>
      apiFetch<{ items: ReviewSummary[]; assignees: string[] }>(`/api/reviews?${search}`, { signal }),
    refetchInterval: 10_000,
  });
}

export function useReviewQuery(id: string) {
  return useQuery({
    queryKey: ["reviews", "detail", id],
    queryFn: ({ signal }) => apiFetch<ReviewDetailDto>(`/api/reviews/${encodeURIComponent(id)}`, { signal }),
    // Once decided, the workflow carries on: follow it until it ends, so its history fills in.
    refetchInterval: (q) =>
      q.state.data && q.state.data.review.status !== "pending" && q.state.data.execution.status === "RUNNING"
        ? 2_000
        : false,
  });
}

export function useDecisionMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: DecisionInput) =>
      apiFetch<{ review: ReviewSummary }>(`/api/reviews/${encodeURIComponent(id)}/decision`, {
        method: "POST",
        json: input,
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["reviews"] }),
  });
}

export function useClaimMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (claim: boolean) =>
      apiFetch<{ review: ReviewSummary }>(`/api/reviews/${encodeURIComponent(id)}/claim`, {
        method: "POST",
        json: { claim },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["reviews"] }),
  });
}

export function useBulkDecisionMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkDecisionInput) =>
      apiFetch<{ results: BulkDecisionResult[] }>("/api/reviews/decisions", { method: "POST", json: input }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["reviews"] }),
  });
}

export function useReviewCommentsQuery(id: string) {
  return useQuery({
    queryKey: ["reviews", "comments", id],
    queryFn: ({ signal }) =>
      apiFetch<{ comments: ReviewCommentDto[] }>(`/api/reviews/${encodeURIComponent(id)}/comments`, { signal }),
  });
}

export function useCommentMutation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiFetch<{ comment: ReviewCommentDto }>(`/api/reviews/${encodeURIComponent(id)}/comments`, {
        method: "POST",
        json: { body },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["reviews", "comments", id] }),
  });
}
