import Link from "next/link";
import { ROW, THEAD, TD as td, TH as th } from "@/components/ui/table";
import type { FindingSummary } from "@/lib/schemas/findings";
import { STATUS_LABELS } from "./finding-labels";
import { rememberOpened } from "./list-memory";
import { SeverityBadge } from "./severity-badge";

export const findingHref = (f: Pick<FindingSummary, "findingId">) => `/findings/${encodeURIComponent(f.findingId)}`;
const day = (iso: string) => new Date(iso).toLocaleDateString();
const time = (iso: string) => new Date(iso).toLocaleTimeString();
/** Long values without spaces (types, ARNs) may break anywhere rather than widen the table. */
const WRAP = "[overflow-wrap:anywhere]";

export interface RowSelection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  toggleAll: () => void;
}

function FindingRow({ f, active, sel }: { f: FindingSummary; active: boolean; sel: RowSelection }) {
  const resource = f.resourceId ?? f.principal ?? "—";
  return (
    <tr
      className={`${ROW} ${active ? "bg-sky-50 outline-2 -outline-offset-2 outline-sky-600 dark:bg-sky-950/50 dark:outline-sky-400" : ""}`}
      data-active={active || undefined}
      data-finding-id={f.findingId}
    >
      <td className={`${td} align-top`}>
        <span className="flex items-center gap-2">
          <input
            type="checkbox"
            className="size-4 shrink-0"
            aria-label={`Select ${f.title}`}
            checked={sel.selected.has(f.findingId)}
            onChange={() => sel.toggle(f.findingId)}
          />
          <SeverityBadge severity={f.severity} />
        </span>
      </td>
      <td className={`${td} ${WRAP}`}>
        <Link
          className="font-medium text-sky-700 hover:underline dark:text-sky-400"
          href={findingHref(f)}
          onClick={() => rememberOpened(f.findingId)}
        >
          {f.title}
        </Link>
        <div className="text-xs text-slate-600 dark:text-slate-400">
          {f.type}
          {f.count > 1 ? ` · seen ${f.count}×` : ""} · {f.accountId ?? "no account"} · {f.region ?? "no region"}
        </div>
        {/* Narrow tables hide the last columns; their values come here instead. */}
        <div className="text-xs text-slate-600 @2xl:hidden dark:text-slate-400">
          <span className="@lg:hidden">{STATUS_LABELS[f.status]} · </span>
          <span className="@xl:hidden">
            {day(f.lastSeen)} {time(f.lastSeen)} ·{" "}
          </span>
          {resource}
        </div>
      </td>
      <td className={`${td} hidden truncate @2xl:table-cell`} title={resource}>
        {resource}
      </td>
      <td className={`${td} hidden @xl:table-cell`}>
        {day(f.lastSeen)}
        <div className="text-xs text-slate-600 dark:text-slate-400">{time(f.lastSeen)}</div>
      </td>
      <td className={`${td} hidden @lg:table-cell`} data-testid="status">
        {STATUS_LABELS[f.status]}
      </td>
    </tr>
  );
}

/** A fixed layout: long values wrap or are cut with their full text on hover; the table never scrolls sideways. */
export function FindingsTable({
  items,
  active,
  sel,
}: {
  items: FindingSummary[];
  active: number | null;
  sel: RowSelection;
}) {
  const all = items.length > 0 && items.every((f) => sel.selected.has(f.findingId));
  return (
    <table className="w-full table-fixed text-sm">
      <thead className={THEAD}>
        <tr>
          <th className={`${th} w-30`}>
            <span className="flex items-center gap-2">
              <input
                type="checkbox"
                className="size-4"
                aria-label="Select every finding on this page"
                checked={all}
                onChange={sel.toggleAll}
              />
              Severity
            </span>
          </th>
          <th className={th}>Finding</th>
          <th className={`${th} hidden w-48 @2xl:table-cell`}>Resource</th>
          <th className={`${th} hidden w-28 @xl:table-cell`}>Last seen</th>
          <th className={`${th} hidden w-28 @lg:table-cell`}>Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((f, i) => (
          <FindingRow key={f.findingId} f={f} active={i === active} sel={sel} />
        ))}
      </tbody>
    </table>
  );
}
