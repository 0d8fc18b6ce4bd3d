"use client";

import type { FindingsPage } from "@/lib/schemas/findings";
import { showsClosed } from "./findings-params";
import type { FindingsNavigation } from "./use-findings-navigation";
import { describeWindow } from "./window-label";

const KEY = "rounded border border-slate-300 px-1 font-mono text-[0.7rem] dark:border-slate-600";

/** How many findings match (all pages), over which time range, and whether closed ones are shown. */
export function FindingsSummary({ data, nav }: { data: FindingsPage; nav: FindingsNavigation }) {
  const closed = showsClosed(nav.params);
  const total = data.total ?? data.items.length;
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
      <p>
        <strong data-testid="findings-total">{total.toLocaleString()}</strong>{" "}
        {total === 1 ? "finding matches" : "findings match"}
        {closed ? "" : " (open ones only)"} · seen{" "}
        <span data-testid="findings-window">{describeWindow(data.window)}</span>
      </p>
      <button
        type="button"
        className="text-sky-700 underline dark:text-sky-400"
        aria-pressed={closed}
        onClick={() => nav.showClosed(!closed)}
      >
        {closed ? "Hide resolved and suppressed" : "Show resolved and suppressed"}
      </button>
      <p className="hidden text-xs text-slate-600 md:block dark:text-slate-400">
        Keys: <kbd className={KEY}>j</kbd> <kbd className={KEY}>k</kbd> move · <kbd className={KEY}>Enter</kbd> or{" "}
        <kbd className={KEY}>o</kbd> open · <kbd className={KEY}>x</kbd> select · <kbd className={KEY}>u</kbd> back to
        the list
      </p>
    </div>
  );
}
