import Link from "next/link";
import { ROW, THEAD, TD as td, TH as th } from "@/components/ui/table";
import type { FindingSummary } from "@/lib/schemas/findings";
import { STATUS_LABELS } from "./finding-labels";
import { SeverityBadge } from "./severity-badge";

function FindingRow({ f }: { f: FindingSummary }) {
  return (
    <tr className={ROW}>
      <td className={td}>
        <SeverityBadge severity={f.severity} />
      </td>
      <td className={td}>
        <Link
          className="font-medium text-sky-700 hover:underline dark:text-sky-400"
          href={`/findings/${encodeURIComponent(f.findingId)}`}
        >
          {f.title}
        </Link>
        <div className="text-xs text-slate-500">
          {f.type}
          {f.count > 1 ? ` · seen ${f.count}×` : ""}
        </div>
      </td>
      <td className={`${td} max-w-56 truncate`}>{f.resourceId ?? f.principal ?? "—"}</td>
      <td className={td}>
        {f.accountId ?? "—"} · {f.region ?? "—"}
      </td>
      <td className={td}>{new Date(f.lastSeen).toLocaleString()}</td>
      <td className={td} data-testid="status">
        {STATUS_LABELS[f.status]}
      </td>
    </tr>
  );
}

export function FindingsTable({ items }: { items: FindingSummary[] }) {
  return (
    <table className="w-full text-sm">
      <thead className={THEAD}>
        <tr>
          <th className={th}>Severity</th>
          <th className={th}>Finding</th>
          <th className={th}>Resource</th>
          <th className={th}>Account / region</th>
          <th className={th}>Last seen</th>
          <th className={th}>Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((f) => (
          <FindingRow key={f.findingId} f={f} />
        ))}
      </tbody>
    </table>
  );
}
