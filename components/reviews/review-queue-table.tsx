import Link from "next/link";
import { formatWhen } from "@/components/ui/format";
import { ScrollArea } from "@/components/ui/scroll-area";
import { ROW, THEAD, TD as td, TH as th } from "@/components/ui/table";
import { GROUP_LABELS, priorityLabel, type ReviewSummary } from "@/lib/schemas/applications";
import { dueInWords } from "@/lib/schemas/durations";
import { formatAge } from "./review-age";

const PRIORITY_TONE = (p: number) =>
  p >= 70 ? "font-semibold text-rose-700 dark:text-rose-400" : p < 40 ? "text-slate-600 dark:text-slate-400" : "";

/** Columns a phone leaves out (the item's page shows them). */
const WIDE = "hidden sm:table-cell";

/** Why a row cannot be picked for a bulk decision, or null when it can. */
export const unpickableReason = (r: ReviewSummary, me: string) =>
  r.status !== "pending" ? "Already decided" : r.submittedBy === me ? "You submitted this item" : null;

function ReviewRow({
  r,
  me,
  picked,
  onToggle,
}: {
  r: ReviewSummary;
  me: string;
  picked: boolean;
  onToggle: () => void;
}) {
  const decided = r.status !== "pending";
  const why = unpickableReason(r, me);
  return (
    <tr className={ROW}>
      {decided ? null : (
        <td className={td}>
          <input
            type="checkbox"
            aria-label={`Select ${r.title}`}
            title={why ?? undefined}
            disabled={why !== null}
            checked={picked}
            onChange={onToggle}
          />
        </td>
      )}
      <td className={`${td} min-w-40 [overflow-wrap:anywhere]`}>
        <Link
          className="font-medium text-sky-700 hover:underline dark:text-sky-400"
          href={`/reviews/${encodeURIComponent(r.id)}`}
        >
          {r.title}
        </Link>
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          {r.reasons.map((x) => x.message).join(" · ")}
        </span>
      </td>
      <td className={`${td} ${PRIORITY_TONE(r.priority)}`} title={`Priority ${r.priority} of 100`}>
        {priorityLabel(r.priority)}
      </td>
      <td className={`${td} ${WIDE}`}>{GROUP_LABELS[r.candidateGroup]}</td>
      <td className={`${td} ${r.overdue ? "font-semibold text-rose-700 dark:text-rose-400" : ""}`}>
        {decided ? formatWhen(r.dueAt) : dueInWords(r.dueAt)}
        {r.overdue ? " (overdue)" : ""}
        {decided ? null : (
          <span className="block text-xs text-slate-600 dark:text-slate-400">{formatWhen(r.dueAt)}</span>
        )}
      </td>
      <td className={`${td} ${WIDE}`}>{formatAge(r.ageSeconds)}</td>
      <td className={`${td} ${WIDE} [overflow-wrap:anywhere]`}>{r.claimedBy ?? "—"}</td>
      {decided ? (
        <>
          <td className={`${td} [overflow-wrap:anywhere]`}>{r.decidedBy ?? "—"}</td>
          <td className={td}>{formatWhen(r.decidedAt)}</td>
        </>
      ) : null}
    </tr>
  );
}

/**
 * The queue. Pending items can be picked for a bulk decision (not the viewer's own); decided
 * ones show who decided and when.
 */
export function ReviewQueueTable({
  items,
  me,
  decided,
  picked,
  onPick,
}: {
  items: ReviewSummary[];
  me: string;
  decided: boolean;
  picked: Set<string>;
  onPick: (ids: string[], on: boolean) => void;
}) {
  const pickable = items.filter((r) => unpickableReason(r, me) === null).map((r) => r.id);
  const all = pickable.length > 0 && pickable.every((id) => picked.has(id));
  return (
    <ScrollArea className="max-w-full overflow-x-auto">
      <table className="w-full text-sm">
        <thead className={THEAD}>
          <tr>
            {decided ? null : (
              <th className={th}>
                <input
                  type="checkbox"
                  aria-label="Select every item I may decide"
                  checked={all}
                  disabled={pickable.length === 0}
                  onChange={() => onPick(pickable, !all)}
                />
              </th>
            )}
            <th className={th}>Item</th>
            <th className={th}>Priority</th>
            <th className={`${th} ${WIDE}`}>Candidate group</th>
            <th className={th}>Due</th>
            <th className={`${th} ${WIDE}`}>Age</th>
            <th className={`${th} ${WIDE}`}>Assignee</th>
            {decided ? (
              <>
                <th className={th}>Decided by</th>
                <th className={th}>Decided at</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <ReviewRow
              key={r.id}
              r={r}
              me={me}
              picked={picked.has(r.id)}
              onToggle={() => onPick([r.id], !picked.has(r.id))}
            />
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
