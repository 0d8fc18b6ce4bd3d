"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React owns the page. Submit buttons
 * (`Button`) and forms whose state hydration would reset stay disabled until then, so nothing is
 * submitted natively or typed early and silently lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
