import Link from "next/link";
import { FIELD } from "@/components/ui/field";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Section } from "@/components/ui/section";
import { ROW, TableHead, TD } from "@/components/ui/table";
import type { SessionSummary } from "@/lib/schemas/clickstream-reports";
import { formatDuration } from "@/lib/schemas/user-agent";
import { Device, Referrer } from "./session-facts";

/** The commonest paths between two events; the events are edited in the title and applied on blur. */
export function TopPathsSection({
  start,
  end,
  paths,
  error,
  onChange,
}: {
  start: string;
  end: string;
  paths?: { path: string[]; sessions: number }[];
  error: Error | null;
  onChange: (patch: { start?: string; end?: string }) => void;
}) {
  return (
    <Section
      title={
        <>
          Top paths from{" "}
          <input
            aria-label="Path start event"
            className={FIELD}
            defaultValue={start}
            onBlur={(e) => onChange({ start: e.target.value })}
          />{" "}
          to{" "}
          <input
            aria-label="Path end event"
            className={FIELD}
            defaultValue={end}
            onBlur={(e) => onChange({ end: e.target.value })}
          />
        </>
      }
    >
      {error ? <p role="alert">{error.message}</p> : null}
      <ScrollArea className="overflow-x-auto">
        <table className="w-full text-sm">
          <tbody>
            {(paths ?? []).map((p) => (
              <tr key={p.path.join(">")} className={ROW}>
                <td className={TD}>{[start, ...p.path, end].join(" → ")}</td>
                <td className={TD}>{p.sessions} sessions</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </Section>
  );
}

/** Sessions with their paths; each links to its timeline. */
export function SessionsSection({ sessions, error }: { sessions?: SessionSummary[]; error: Error | null }) {
  return (
    <Section title="Sessions">
      {error ? <p role="alert">{error.message}</p> : null}
      <ScrollArea className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Sessions">
          <TableHead
            columns={["Started", "Session", "Duration", "Events", "Device", "Referrer", "Login", "Category", "Path"]}
          />
          <tbody>
            {(sessions ?? []).map((s) => (
              <tr key={s.sessionId} className={ROW}>
                <td className={`${TD} whitespace-nowrap`}>{new Date(s.startedAt).toLocaleString()}</td>
                <td className={TD}>
                  <Link
                    className="text-sky-700 hover:underline dark:text-sky-400"
                    href={`/clickstream/sessions/${encodeURIComponent(s.sessionId)}`}
                  >
                    {s.sessionId.slice(0, 8)}
                  </Link>
                </td>
                <td className={`${TD} whitespace-nowrap`}>{formatDuration(s.durationMs)}</td>
                <td className={TD}>{s.events}</td>
                <td className={`${TD} whitespace-nowrap`}>
                  <Device userAgent={s.userAgent} />
                </td>
                <td className={TD}>
                  <Referrer referrer={s.referrer} />
                </td>
                <td className={TD}>{s.loginState ?? "—"}</td>
                <td className={TD}>{s.category ?? "—"}</td>
                <td className={TD}>{s.path.join(" → ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </Section>
  );
}
