"use client";

import { usePathsFlowQuery } from "@/components/hooks/queries/use-paths-query";
import { DayRange, FIELD, Labelled } from "@/components/ui/field";
import { formatCount, formatPercent } from "@/components/ui/format";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Section } from "@/components/ui/section";
import { ROW, TableHead, TD } from "@/components/ui/table";
import type { PathsResult } from "@/lib/schemas/paths";
import { daysAgo, useUrlState } from "../hooks/use-url-state";
import { PathsFlow } from "./paths-flow";
import { eventLabel } from "./paths-layout";
import { SelectField } from "./report-fields";

/** Options whose value is their text. */
const choices = (...values: string[]) => values.map((v) => [v, v] as const);

/** The diagram's figures as a table: every node, step by step. */
function PathsTable({ result }: { result: PathsResult }) {
  return (
    <ScrollArea className="overflow-x-auto" aria-label="Paths by step (scrolls sideways)" role="region">
      <table className="w-full text-sm" aria-label="Paths by step">
        <TableHead columns={["Step", "Event", "Sessions", `Of sessions with ${result.event}`, "Stop here"]} />
        <tbody>
          {result.nodes.map((n) => (
            <tr key={n.id} className={ROW}>
              <td className={TD}>{n.step === 1 ? "anchor" : n.step}</td>
              <td className={`${TD} whitespace-nowrap`}>{eventLabel(n.event)}</td>
              <td className={TD}>{formatCount(n.sessions)}</td>
              <td className={TD}>{formatPercent(n.sessions / (result.sessions || 1))}</td>
              <td className={TD}>{formatCount(n.dropOff)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

/** Paths from or to an event as a flow diagram, with its figures in a table below. */
export function PathsView() {
  const [q, set] = useUrlState({
    from: daysAgo(6),
    to: daysAgo(0),
    event: "product_view",
    direction: "start",
    depth: "4",
    maxNodes: "8",
    exclude: "",
  });
  const { data, isError, error, isFetching } = usePathsFlowQuery(new URLSearchParams(q).toString());
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <DayRange from={q.from} to={q.to} onChange={set} />
        <SelectField
          label="Paths"
          value={q.direction}
          options={[
            ["start", "starting from"],
            ["end", "ending at"],
          ]}
          onChange={(direction) => set({ direction })}
        />
        <Labelled label="Event">
          <input
            key={q.event}
            className={FIELD}
            defaultValue={q.event}
            onBlur={(e) => set({ event: e.target.value.trim() })}
          />
        </Labelled>
        <SelectField
          label="Steps"
          value={q.depth}
          options={choices("2", "3", "4", "5", "6")}
          onChange={(depth) => set({ depth })}
        />
        <SelectField
          label="Events per step"
          value={q.maxNodes}
          options={choices("4", "6", "8", "12")}
          onChange={(maxNodes) => set({ maxNodes })}
        />
        <Labelled label="Leave out events (comma-separated)">
          <input
            key={q.exclude}
            className={FIELD}
            defaultValue={q.exclude}
            placeholder="e.g. page_view, search"
            onBlur={(e) => set({ exclude: e.target.value.trim() })}
          />
        </Labelled>
      </div>
      {isError ? <p role="alert">{error.message}</p> : null}
      {isFetching && !data ? <p>Loading…</p> : null}
      {data ? (
        <Section
          title={
            <span className="[overflow-wrap:anywhere]">
              {data.direction === "start" ? `Paths from ${data.event}` : `Paths to ${data.event}`}
            </span>
          }
        >
          {data.sessions === 0 ? (
            <p className="text-sm text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">
              No session in this range has {data.event}. Choose other dates or another event.
            </p>
          ) : (
            <div className="flex flex-col gap-4">
              <PathsFlow result={data} />
              <PathsTable result={data} />
            </div>
          )}
        </Section>
      ) : null}
    </div>
  );
}
