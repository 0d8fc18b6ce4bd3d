import type { ReactNode } from "react";
import type { SessionEvent } from "@/lib/schemas/clickstream-reports";
import { describeDevice, formatDuration, referrerDomain } from "@/lib/schemas/user-agent";

/** Where the visitor came from: the domain, with the full address on hover; "direct" without one. */
export function Referrer({ referrer }: { referrer: string | null }) {
  const domain = referrerDomain(referrer);
  if (!referrer) return <span className="text-slate-600 dark:text-slate-400">direct</span>;
  return (
    <span title={referrer} className="underline decoration-dotted underline-offset-2">
      {domain ?? referrer}
    </span>
  );
}

/** Browser, OS and device type in words, the raw user agent on hover. */
export function Device({ userAgent }: { userAgent: string | null }) {
  return <span title={userAgent ?? undefined}>{describeDevice(userAgent)}</span>;
}

/** The session page's summary: when, how long, on what, from where. */
export function SessionFacts({ events }: { events: SessionEvent[] }) {
  const first = events[0];
  const last = events.at(-1);
  if (!first || !last) return null;
  const facts: [string, ReactNode][] = [
    ["Started", new Date(first.at).toLocaleString()],
    ["Duration", formatDuration(Date.parse(last.at) - Date.parse(first.at))],
    ["Events", events.length],
    ["Device", <Device key="d" userAgent={events.find((e) => e.userAgent)?.userAgent ?? null} />],
    ["Referrer", <Referrer key="r" referrer={first.referrer} />],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-5" aria-label="Session summary">
      {facts.map(([label, value]) => (
        <div key={label} className="min-w-0 rounded-lg border border-slate-200 p-2 dark:border-slate-800">
          <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
          <dd className="break-words font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
