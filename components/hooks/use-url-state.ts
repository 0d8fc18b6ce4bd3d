"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

/**
 * Filters that live in the URL (shareable, back button works): the current values (search params
 * over `defaults`) and a setter that pushes a new URL, leaving out empty values.
 */
export function useUrlState<T extends Record<string, string>>(defaults: T): [T, (patch: Partial<T>) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const state = Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, params.get(k) ?? v])) as T;
  const set = (patch: Partial<T>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...state, ...patch })) if (v) next.set(k, v as string);
    router.push(`${pathname}?${next.toString()}`);
  };
  return [state, set];
}

/** A UTC day `n` days before today (yyyy-mm-dd). */
export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
