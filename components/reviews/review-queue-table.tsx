import Link from "next/link";
import { ROW, THEAD, TD as td, TH as th } from "@/components/ui/table";
import type { ReviewSummary } from "@/lib/schemas/applications";
import { formatAge } from "./review-age";

function ReviewRow({ r, picked, onToggle }: { r: ReviewSummary; picked: boolean; onToggle: () => void }) {
  return (
    <tr className={ROW}>
      <td className={td}>
        {r.status === "pending" ? (
          <input type="checkbox" aria-label={`Select ${r.title}`} checked={picked} onChange={onToggle} />
        ) : null}
      </td>
      <td className={td}>
        <Link
          className="font-medium text-sky-700 hover:underline dark:text-sky-400"
          href={`/reviews/${encodeURIComponent(r.id)}`}
        >
          {r.title}
        </Link>
      </td>
      <td className={td}>{r.reasons.map((x) => x.message).join(" · ")}</td>
      <td className={td}>{r.workflow}</td>
      <td className={td}>{formatAge(r.ageSeconds)}</td>
      <td className={`${td} ${r.overdue ? "font-semibold text-rose-600" : ""}`}>
        {new Date(r.dueAt).toLocaleString()}
        {r.overdue ? " (overdue)" : ""}
      </td>
      <td className={td}>{r.claimedBy ?? "—"}</td>
    </tr>
  );
}

/** The queue; pending items can be selected for a bulk decision. */
export function ReviewQueueTable({
  items,
  picked,
  onToggle,
}: {
  items: ReviewSummary[];
  picked: Set<string>;
  onToggle: (id: string) => void;
}) {
  return (
    <table className="w-full text-sm">
      <thead className={THEAD}>
        <tr>
          <th className={th}>
            <span className="sr-only">Select</span>
          </th>
          <th className={th}>Item</th>
          <th className={th}>Why flagged</th>
          <th className={th}>Workflow</th>
          <th className={th}>Age</th>
          <th className={th}>SLA due</th>
          <th className={th}>Claimed by</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <ReviewRow key={r.id} r={r} picked={picked.has(r.id)} onToggle={() => onToggle(r.id)} />
        ))}
      </tbody>
    </table>
  );
}
