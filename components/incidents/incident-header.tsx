import Link from "next/link";
import { SeverityBadge } from "@/components/findings/severity-badge";
import type { IncidentDetail, IncidentSummary } from "@/lib/schemas/incidents";
import { SimulatedBadge, StatusPill } from "./incident-badges";

/** What the incident is about, where its workflow stands, and the finding that opened it. */
export function IncidentHeader({ incident: i }: { incident: IncidentSummary }) {
  return (
    <header className="flex flex-col gap-1">
      <h2 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
        <SeverityBadge severity={i.severity} /> {i.title}
      </h2>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        Status: <StatusPill status={i.status} />
        {i.simulated ? <SimulatedBadge /> : null}· {i.findingType} · severity {i.severityVendor ?? "—"} · resource{" "}
        <code>{i.resourceId ?? i.resourceType}</code> · {i.findingCount} finding(s) ·{" "}
        <Link
          href={`/findings/${encodeURIComponent(i.findingId)}`}
          className="text-sky-700 hover:underline dark:text-sky-400"
        >
          finding
        </Link>
      </p>
      {i.error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {i.error}
        </p>
      ) : null}
    </header>
  );
}

/** The approvals this incident waits for, linked to the review queue. */
export function PendingReviewsNotice({ reviews }: { reviews: IncidentDetail["pendingReviews"] }) {
  if (!reviews.length) return null;
  return (
    <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
      Waiting for a decision:{" "}
      {reviews.map((r) => (
        <Link
          key={r.id}
          href={`/reviews/${encodeURIComponent(r.id)}`}
          className="text-sky-700 hover:underline dark:text-sky-400"
        >
          {r.title}
        </Link>
      ))}
    </p>
  );
}
