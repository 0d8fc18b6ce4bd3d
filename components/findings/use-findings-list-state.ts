"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { FindingSummary } from "@/lib/schemas/findings";
import { findingHref, type RowSelection } from "./findings-table";
import { lastOpened, rememberListUrl, rememberOpened } from "./list-memory";
import { useListKeys } from "./use-list-keys";

const rowLink = (id: string) =>
  document.querySelector<HTMLAnchorElement>(`tr[data-finding-id="${CSS.escape(id)}"] a[href^="/findings/"]`);

/**
 * The list's active row (moved with j/k, focused so it shows and Enter opens it) and its selected
 * rows (for bulk changes). Selection belongs to one filter: a new filter starts with none.
 */
export function useFindingsListState(items: FindingSummary[], search: string) {
  const router = useRouter();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selection, setSelection] = useState<{ search: string; ids: ReadonlySet<string> }>({ search, ids: new Set() });
  const selected = selection.search === search ? selection.ids : new Set<string>();

  useEffect(() => {
    rememberListUrl(`/findings${search ? `?${search}` : ""}`);
  }, [search]);
  // Back from a finding: the row last opened is active again (focused, as the keys left it).
  const restored = useRef(false);
  useEffect(() => {
    const id = lastOpened();
    if (restored.current || items.length === 0) return;
    restored.current = true;
    if (id && items.some((f) => f.findingId === id)) {
      setActiveId(id);
      rowLink(id)?.focus();
    }
  }, [items]);

  const active = useMemo(() => {
    const i = items.findIndex((f) => f.findingId === activeId);
    return i === -1 ? null : i;
  }, [items, activeId]);
  const setActive = useCallback(
    (i: number) => {
      const f = items[i];
      if (!f) return;
      setActiveId(f.findingId);
      const link = rowLink(f.findingId);
      link?.focus();
      link?.closest("tr")?.scrollIntoView({ block: "nearest" });
    },
    [items],
  );
  const toggle = useCallback(
    (id: string) =>
      setSelection((s) => {
        const ids = new Set(s.search === search ? s.ids : []);
        if (!ids.delete(id)) ids.add(id);
        return { search, ids };
      }),
    [search],
  );
  const open = useCallback(
    (i: number) => {
      const f = items[i];
      if (!f) return;
      rememberOpened(f.findingId);
      router.push(findingHref(f));
    },
    [items, router],
  );
  const toggleAt = useCallback((i: number) => items[i] && toggle(items[i].findingId), [items, toggle]);
  useListKeys({ count: items.length, active, setActive, open, toggle: toggleAt });

  const sel: RowSelection = {
    selected,
    toggle,
    toggleAll: () =>
      setSelection({
        search,
        ids: items.every((f) => selected.has(f.findingId)) ? new Set() : new Set(items.map((f) => f.findingId)),
      }),
  };
  return { active, sel, clearSelection: () => setSelection({ search, ids: new Set() }) };
}
