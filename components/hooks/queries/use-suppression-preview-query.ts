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
  const qs = useSettled(parsed.success ? new URLSearchParams(parsed.data).toString() : "", 400);
  const query = useQuery({
    queryKey: ["suppressions", "preview", qs],
    queryFn: ({ signal }) => apiFetch<SuppressionPreview>(`/api/suppressions/preview?${qs}`, { signal }),
    enabled: qs !== "",
  });
  return {
    ...query,
    ready: parsed.success,
    settled: qs === (parsed.success ? new URLSearchParams(parsed.data).toString() : ""),
  };
}
