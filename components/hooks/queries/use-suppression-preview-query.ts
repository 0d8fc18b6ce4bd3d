"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { type SuppressionPreview, SuppressionPreviewQuery } from "@/lib/schemas/suppressions";
import { apiFetch } from "../api-fetch";

/** Waits until typing pauses before asking the server (one lake query per pause, not per key). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/** What a rule with these patterns would hide; asks only once the patterns are a rule that could be saved. */
export function useSuppressionPreviewQuery(patterns: { findingType: string; resource: string; principal: string }) {
  const parsed = SuppressionPreviewQuery.safeParse({
    findingType: patterns.findingType,
    ...(patterns.resource.trim() ? { resource: patterns.resource } : {}),
    ...(patterns.principal.trim() ? { principal: patterns.principal } : {}),
  });
  const current = parsed.success ? new URLSearchParams(parsed.data).toString() : "";
  const qs = useSettled(current, 400);
  const query = useQuery({
    queryKey: ["suppressions", "preview", qs],
    queryFn: ({ signal }) => apiFetch<SuppressionPreview>(`/api/suppressions/preview?${qs}`, { signal }),
    enabled: qs !== "",
  });
  // The schema's messages are sentences for people ("The finding type pattern is too broad: …").
  const problem = parsed.success ? null : (parsed.error.issues[0]?.message ?? null);
  return { ...query, ready: parsed.success, problem, settled: qs === current };
}
