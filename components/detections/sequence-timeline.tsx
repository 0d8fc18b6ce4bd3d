import Link from "next/link";
import { formatWhen } from "@/components/ui/format";
import type { FindingDetection } from "@/lib/schemas/findings";
import { activityHref } from "./activity-links";

/** A sequence finding's steps in order, each linked to the principal's activity around it. */
export function SequenceTimeline({ steps, principal }: { steps: FindingDetection["steps"]; principal: string | null }) {
  return (
    <ol className="relative ml-2 border-l border-slate-300 pl-4 dark:border-slate-700" data-testid="sequence-steps">
      {steps.map((s) => (
        <li key={`${s.step}-${s.eventId ?? ""}`} className="mb-3" data-testid="sequence-step">
          <span className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full bg-sky-600" aria-hidden="true" />
          <p className="text-sm font-medium">
            {s.step}. {s.title}
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {s.eventName ?? "event"} · {formatWhen(s.at)} ·{" "}
            <Link
              className="text-sky-700 hover:underline dark:text-sky-400"
              href={activityHref({ principal, eventName: s.eventName, at: s.at })}
            >
              activity around it
            </Link>
          </p>
        </li>
      ))}
    </ol>
  );
}
