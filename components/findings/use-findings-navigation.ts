"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { TriageStatus } from "@/lib/schemas/triage";
import {
  buildFilterParams,
  type FilterChange,
  setClosedShown,
  toggleParamValue,
  toggleStatus,
} from "./findings-params";

/** Filters live in the URL, so a view can be shared and survives reloads. */
export function useFindingsNavigation() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const push = (next: URLSearchParams) => router.push(`${pathname}?${next.toString()}`);
  const navigate = (change: FilterChange) => push(buildFilterParams(params, change));
  return {
    params,
    navigate,
    toggle: (key: string, value: string) => navigate((p) => toggleParamValue(p, key, value)),
    toggleStatus: (status: TriageStatus) => navigate((p) => toggleStatus(p, status)),
    showClosed: (show: boolean) => navigate((p) => setClosedShown(p, show)),
    goToCursor: (cursor: string) => {
      const next = new URLSearchParams(params);
      next.set("cursor", cursor);
      push(next);
    },
  };
}

export type FindingsNavigation = ReturnType<typeof useFindingsNavigation>;
