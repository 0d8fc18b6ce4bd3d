"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DayRange, FIELD, Labelled } from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import { ROW, TableHead, TD } from "@/components/ui/table";
import type { SessionEvent, SessionSummary } from "@/lib/schemas/clickstream-reports";
import { apiFetch } from "../hooks/api-fetch";
import { daysAgo, useUrlState } from "../hooks/use-url-state";

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
  const sessions = useQuery({
    queryKey: ["sessions", list.toString()],
    queryFn: ({ signal }) => apiFetch<SessionSummary[]>(`/api/clickstream/sessions?${list}`, { signal }),
  });
  const pq = new URLSearchParams({ from: q.from, to: q.to, start: q.start, end: q.end });
  const paths = useQuery({
    queryKey: ["paths", pq.toString()],
    queryFn: ({ signal }) =>
      apiFetch<{ path: string[]; sessions: number }[]>(`/api/clickstream/paths?${pq}`, { signal }),
    retry: false,
  });
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
      <Section
        title={
          <>
            Top paths from{" "}
            <input
              aria-label="Path start event"
              className={FIELD}
              defaultValue={q.start}
              onBlur={(e) => set({ start: e.target.value })}
            />{" "}
            to{" "}
            <input
              aria-label="Path end event"
              className={FIELD}
              defaultValue={q.end}
              onBlur={(e) => set({ end: e.target.value })}
            />
          </>
        }
      >
        {paths.isError ? <p role="alert">{paths.error.message}</p> : null}
        <table className="w-full text-sm">
          <tbody>
            {(paths.data ?? []).map((p) => (
              <tr key={p.path.join(">")} className={ROW}>
                <td className={TD}>{[q.start, ...p.path, q.end].join(" → ")}</td>
                <td className={TD}>{p.sessions} sessions</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Sessions">
        {sessions.isError ? <p role="alert">{sessions.error.message}</p> : null}
        <table className="w-full text-sm" aria-label="Sessions">
          <TableHead columns={["Started", "Session", "Events", "Login", "Category", "Path"]} />
          <tbody>
            {(sessions.data ?? []).map((s) => (
              <tr key={s.sessionId} className={ROW}>
                <td className={TD}>{new Date(s.startedAt).toLocaleString()}</td>
                <td className={TD}>
                  <Link
                    className="text-sky-700 hover:underline dark:text-sky-400"
                    href={`/clickstream/sessions/${encodeURIComponent(s.sessionId)}`}
                  >
                    {s.sessionId.slice(0, 8)}
                  </Link>
                </td>
                <td className={TD}>{s.events}</td>
                <td className={TD}>{s.loginState ?? "—"}</td>
                <td className={TD}>{s.category ?? "—"}</td>
                <td className={TD}>{s.path.join(" → ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </div>
  );
}

export function SessionDetailView({ sessionId }: { sessionId: string }) {
  const { data, isError, error } = useQuery({
    queryKey: ["session", sessionId],
    queryFn: ({ signal }) =>
      apiFetch<SessionEvent[]>(`/api/clickstream/sessions/${encodeURIComponent(sessionId)}`, { signal }),
  });
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  const t0 = Date.parse(data[0]?.at ?? "");
  return (
    <ol className="flex flex-col gap-1 text-sm" aria-label="Session timeline">
      {data.map((e) => (
        <li key={e.eventId} className="flex gap-3 border-b border-slate-100 py-1 dark:border-slate-800">
          <span className="w-40 text-slate-500">{new Date(e.at).toLocaleString()}</span>
          <span className="w-20 text-slate-500">+{Math.round((Date.parse(e.at) - t0) / 1000)} s</span>
          <span className="w-36 font-medium">{e.name}</span>
          <span>
            {e.productName ? `${e.productName} (${e.category ?? "—"}, ${e.price ?? "—"})` : (e.pageUrl ?? "")}
          </span>
        </li>
      ))}
    </ol>
  );
}
