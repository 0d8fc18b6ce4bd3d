"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AwsIpRangesInfo } from "@/lib/schemas/aws-ip-ranges";
import { apiFetch } from "../api-fetch";

/** Admins: read AWS's IP ranges again (file or configured URL); entity pages then answer from the new copy. */
export function useReloadAwsIpRangesMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<AwsIpRangesInfo>("/api/admin/aws-ip-ranges", { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["entities"] }),
  });
}
