import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { EventLakeQuery } from "@/lib/ports/event-lake";
import type { EventReportExplain, EventReportPath } from "@/lib/schemas/event-report";
import { eventsOnLake, isColumnarCopyComplete, toPositional } from "./columnar-funnel";
import { type EventsSql, SqlParams, WAREHOUSE_EVENTS } from "./funnel-units-sql";
import { queryLake, queryWarehouse } from "./report-run";
import { SUMMARY_SOURCE } from "./session-summary";

/**
 * One report over raw events, written once, run by whichever engine holds the events: Postgres over
 * `clickstream_events` (the system of record), or the lake engine over the columnar copy's Parquet
 * for the days scanned. Chosen like funnels: the copy when asked for by name, or (auto) when it
 * holds every loaded object; otherwise Postgres. The builder writes the statement against
 * `EventsSql` with `SqlParams` placeholders, so both engines run the same SQL (tests hold them equal).
 */

export interface EventReportRequest {
  db: Database;
  lake?: EventLakeQuery;
  path: EventReportPath;
  /** Instants (ISO) the statement reads events in, [from, to): the copy's days are chosen from it. */
  scan: { from: string; to: string };
  /** What people call this report, to start the timeout sentence ("The retention report"). */
  name: string;
  build: (events: EventsSql, p: SqlParams) => string;
  /**
   * The same report from the columnar copy's per-session summary (`session-summary.ts`), or null when
   * this question needs the events; the lake's spelling, so only the lake runs it.
   */
  fromSummary?: (sessions: (days: { from: string; to: string }) => string, p: SqlParams) => string | null;
}

export interface EventReportRun<T> {
  rows: T[];
  explain: EventReportExplain;
}

/** The lake to read, or null for Postgres: asked for by name, or (auto) when the copy holds every loaded object. */
export async function chooseEventLake(
  db: Database,
  path: EventReportPath,
  lake?: EventLakeQuery,
): Promise<EventLakeQuery | null> {
  if (path === "columnar") {
    if (!lake) throw new AppError("invalid_input", "This deployment has no columnar copy of the events to read.");
    return lake;
  }
  return path === "auto" && lake && (await isColumnarCopyComplete(db)) ? lake : null;
}

/** Picks the engine, runs the report's one statement and says how it was answered. */
export async function runEventReport<T extends Record<string, unknown>>(
  req: EventReportRequest,
): Promise<EventReportRun<T>> {
  const started = Date.now();
  const lake = await chooseEventLake(req.db, req.path, req.lake);
  const p = new SqlParams();
  if (!lake) {
    const sql = req.build(WAREHOUSE_EVENTS, p);
    const rows = await queryWarehouse<T>(req.db, sql, p.values, req.name);
    const reason =
      req.path === "warehouse"
        ? "read from the warehouse (Postgres), as asked"
        : req.lake
          ? "read from the warehouse (Postgres): the columnar copy does not yet hold every loaded object"
          : "read from the warehouse (Postgres): this deployment has no columnar copy";
    return {
      rows,
      explain: { path: "warehouse", reason, sql, params: p.values, ms: Date.now() - started, scanned: req.scan },
    };
  }
  const days = { from: req.scan.from.slice(0, 10), to: req.scan.to.slice(0, 10) };
  const fromSummary = req.fromSummary?.((d) => lake.sessionsSource(d), p) ?? null;
  const lakeParams = fromSummary ? p : new SqlParams();
  const built = fromSummary ?? req.build(eventsOnLake(lake, days), lakeParams);
  const { sql, params } = toPositional(built, lakeParams.values);
  const rows = await queryLake<T>(lake, sql, params, req.name);
  const engine = lake.engine.dialect.engine === "athena" ? "Athena" : "DuckDB";
  return {
    rows,
    explain: {
      path: "columnar",
      reason: fromSummary
        ? `read by ${engine} from ${SUMMARY_SOURCE}, sessions around ${days.from} to ${days.to}`
        : `read by ${engine} from the columnar copy of the events (Parquet by event hour), days ${days.from} to ${days.to}`,
      sql,
      params,
      ms: Date.now() - started,
      scanned: req.scan,
    },
  };
}
