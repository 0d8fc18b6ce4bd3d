"use client";

import { useQuery } from "@tanstack/react-query";
import type { AuditEntryDto } from "@/lib/schemas/audit";
import { apiFetch } from "../api-fetch";

export function useAuditQuery(search: string) {
  return useQuery({
    queryKey: ["audit", search],
    queryFn: ({ signal }) => apiFetch<{ entries: AuditEntryDto[] }>(`/api/admin/audit?${search}`, { signal }),
  });
}
