import Link from "next/link";
import type { ReviewSummary } from "@/lib/schemas/applications";
import type { ReviewDetailDto } from "@/lib/schemas/reviews";

/** The rules that sent the item to a person. */
export function FlaggedReasons({ reasons }: { reasons: ReviewSummary["reasons"] }) {
  return (
    <section
      aria-labelledby="why-h"
      className="rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
    >
      <h3 id="why-h" className="font-semibold">
        Why it was flagged
      </h3>
      <ul className="list-disc pl-5">
        {reasons.map((x) => (
          <li key={x.rule}>
            <code>{x.rule}</code>: {x.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** For incident approvals: the exact actions approving runs, and the incident they belong to. */
export function ProposedActions({ payload }: { payload: ReviewDetailDto["payload"] }) {
  if (!Array.isArray(payload.proposedActions)) return null;
  return (
    <section aria-labelledby="actions-h" className="text-sm">
      <h3 id="actions-h" className="font-semibold">
        Exactly what approving does{payload.simulated ? " (simulated estate)" : ""}
      </h3>
      <ol className="list-decimal pl-5" aria-label="Proposed actions">
        {(payload.proposedActions as { action: string; target: string; detail: string }[]).map((a) => (
          <li key={`${a.action}-${a.target}`}>
            <strong>{a.action}</strong> <code>{a.target}</code> — {a.detail}
          </li>
        ))}
      </ol>
      {typeof payload.incidentId === "string" ? (
        <Link
          href={`/incidents/${encodeURIComponent(payload.incidentId)}`}
          className="text-sky-700 hover:underline dark:text-sky-400"
        >
          Open the incident
        </Link>
      ) : null}
    </section>
  );
}

/** The workflow's own history: state entries and the execution's start and end. */
export function ExecutionHistory({ data }: { data: ReviewDetailDto }) {
  return (
    <section aria-labelledby="hist-h">
      <h3 id="hist-h" className="font-semibold">
        Execution history ({data.execution.status})
      </h3>
      <ol className="text-xs">
        {data.history
          .filter((h) => h.state || h.type.startsWith("Execution"))
          .map((h, i) => (
            <li key={`${h.at}-${h.type}-${h.state ?? i}`}>
              {new Date(h.at).toLocaleTimeString()} · {h.type}
              {h.state ? ` · ${h.state}` : ""}
            </li>
          ))}
      </ol>
    </section>
  );
}
