"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { BulkTriageInput } from "@/lib/schemas/triage";
import { apiFetch } from "../api-fetch";

/** One status and/or assignee for the selected findings; every findings view is read again after. */
export function useBulkTriageMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkTriageInput) =>
      apiFetch<{ ok: true; updated: number }>("/api/findings/bulk", { method: "POST", json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["findings"] }),
  });
}
