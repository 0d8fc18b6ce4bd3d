"use client";

import { useQuery } from "@tanstack/react-query";
import type { IngestionStatus } from "@/lib/schemas/ingestion";
import { apiFetch } from "../api-fetch";

export function useIngestionQuery() {
  return useQuery({
    queryKey: ["ingestion", "status"],
    queryFn: () => apiFetch<IngestionStatus>("/api/admin/ingestion"),
    refetchInterval: 15_000,
  });
}
