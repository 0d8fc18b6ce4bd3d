"use client";

import {
  useSessionsQuery,
  useSessionTimelineQuery,
  useTopPathsQuery,
} from "@/components/hooks/queries/use-clickstream-query";
import { DayRange, FIELD, Labelled } from "@/components/ui/field";
import { formatMoney } from "@/components/ui/format";
import { formatDuration } from "@/lib/schemas/user-agent";
import { daysAgo, useUrlState } from "../hooks/use-url-state";
import { SessionFacts } from "./session-facts";
import { SessionsSection, TopPathsSection } from "./sessions-tables";

/** Sessions with their paths, and the most common paths between two events. */
export function SessionsView() {
  const [q, set] = useUrlState({
    from: daysAgo(6),
    to: daysAgo(0),
    reached: "",
    start: "product_view",
    end: "purchase",
  });
  const list = new URLSearchParams({ from: q.from, to: q.to, ...(q.reached ? { reached: q.reached } : {}) });
  const sessions = useSessionsQuery(list.toString());
  const paths = useTopPathsQuery(
    new URLSearchParams({ from: q.from, to: q.to, start: q.start, end: q.end }).toString(),
  );
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <DayRange from={q.from} to={q.to} onChange={set} />
        <Labelled label="Reached">
          <select className={FIELD} value={q.reached} onChange={(e) => set({ reached: e.target.value })}>
            <option value="">any session</option>
            <option value="product_view">product view</option>
            <option value="add_to_cart">add to cart</option>
            <option value="checkout_start">checkout</option>
            <option value="purchase">purchase</option>
          </select>
        </Labelled>
      </div>
      <TopPathsSection
        start={q.start}
        end={q.end}
        paths={paths.data}
        error={paths.isError ? paths.error : null}
        onChange={set}
      />
      <SessionsSection sessions={sessions.data} error={sessions.isError ? sessions.error : null} />
    </div>
  );
}

export function SessionDetailView({ sessionId }: { sessionId: string }) {
  const { data, isError, error } = useSessionTimelineQuery(sessionId);
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  const t0 = Date.parse(data.events[0]?.at ?? "");
  return (
    <div className="flex flex-col gap-4">
      <SessionFacts events={data.events} />
      {data.identity ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Signed in as {data.identity.userId} at {new Date(data.identity.mergedAt).toLocaleString()}: earlier anonymous
          visits of this browser count as this person.
        </p>
      ) : null}
      <ol className="flex flex-col gap-1 text-sm" aria-label="Session timeline">
        {data.events.map((e) => (
          <li
            key={e.eventId}
            className="flex flex-wrap gap-x-3 gap-y-0.5 border-b border-slate-100 py-1 dark:border-slate-800"
          >
            <span className="whitespace-nowrap text-slate-600 sm:w-44 dark:text-slate-400">
              {new Date(e.at).toLocaleString()}
            </span>
            <span className="w-24 whitespace-nowrap text-slate-600 dark:text-slate-400">
              +{Date.parse(e.at) - t0 < 1000 ? "0 s" : formatDuration(Date.parse(e.at) - t0)}
            </span>
            <span className="font-medium sm:w-36">{e.name}</span>
            <span className="min-w-0 basis-full break-words sm:flex-1 sm:basis-auto">
              {e.productName
                ? `${e.productName} (${e.category ?? "—"}, ${e.price === null ? "no price" : formatMoney(e.price)})`
                : (e.pageUrl ?? "")}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
