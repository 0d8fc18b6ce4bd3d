const STATUS_STYLE: Record<string, string> = {
  awaiting_approval: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100",
  containing: "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-100",
  releasing: "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-100",
  contained: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100",
  released: "bg-slate-200 text-slate-900 dark:bg-slate-800 dark:text-slate-100",
  failed: "bg-rose-100 text-rose-900 dark:bg-rose-900/40 dark:text-rose-100",
};

export function StatusPill({ status }: { status: string }) {
  return (
    <span
      data-testid="incident-status"
      className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status] ?? "bg-slate-100 dark:bg-slate-800"}`}
    >
      {status.replace(/_/g, " ")}
    </span>
  );
}

export function SimulatedBadge() {
  return (
    <span
      title="Local backend: actions run against the simulated EC2 estate in the database, not AWS"
      className="rounded border border-dashed border-violet-400 px-1.5 py-0.5 text-xs text-violet-700 dark:text-violet-300"
    >
      simulated
    </span>
  );
}
