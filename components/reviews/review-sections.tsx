import Link from "next/link";
import type { ReviewSummary } from "@/lib/schemas/applications";
import type { ReviewDetailDto } from "@/lib/schemas/reviews";
import { describeEvent } from "./history-wording";

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

const EXECUTION_WORDS: Record<string, string> = {
  RUNNING: "running",
  SUCCEEDED: "finished",
  FAILED: "failed",
  ABORTED: "stopped",
  TIMED_OUT: "ran out of time",
};

/** The workflow's own history in words: the steps it reached, the decision, how it ended. */
export function ExecutionHistory({ data }: { data: ReviewDetailDto }) {
  const lines = data.history.flatMap((h, i) => {
    const text = describeEvent(h);
    return text ? [{ key: `${h.at}-${h.type}-${h.state ?? i}`, at: h.at, text }] : [];
  });
  return (
    <section aria-labelledby="hist-h">
      <h3 id="hist-h" className="font-semibold">
        What happened so far{" "}
        <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
          (workflow {EXECUTION_WORDS[data.execution.status] ?? data.execution.status.toLowerCase()})
        </span>
      </h3>
      <ol className="text-sm" aria-label="Execution history">
        {lines.map((l) => (
          <li key={l.key} className="break-words">
            <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
              {new Date(l.at).toLocaleTimeString()}
            </span>{" "}
            {l.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
