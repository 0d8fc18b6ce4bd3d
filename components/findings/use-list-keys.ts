"use client";

import { useEffect } from "react";

/** Keys typed into a field, or with a modifier, belong to the field or the browser, not to the list. */
export function isTypingTarget(e: KeyboardEvent): boolean {
  if (e.metaKey || e.ctrlKey || e.altKey) return true;
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  return t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName);
}

export interface ListKeyActions {
  count: number;
  active: number | null;
  setActive: (i: number) => void;
  open: (i: number) => void;
  toggle: (i: number) => void;
}

/**
 * Mail-client keys on a list: j/k move the active row, Enter or o opens it, x selects it. Enter on
 * a focused link or button keeps its own meaning.
 */
export function useListKeys({ count, active, setActive, open, toggle }: ListKeyActions): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e) || count === 0) return;
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (e.key === "j") setActive(active === null ? 0 : Math.min(active + 1, count - 1));
      else if (e.key === "k") setActive(active === null ? 0 : Math.max(active - 1, 0));
      else if (active !== null && (e.key === "o" || (e.key === "Enter" && tag !== "A" && tag !== "BUTTON")))
        open(active);
      else if (active !== null && e.key === "x") toggle(active);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [count, active, setActive, open, toggle]);
}
