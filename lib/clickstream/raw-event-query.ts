import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { EventLakeQuery } from "@/lib/ports/event-lake";
import { isColumnarCopyComplete, toPositional } from "./columnar-funnel";
import { type EventsSql, SqlParams, WAREHOUSE_EVENTS } from "./funnel-units-sql";

/**
 * One raw-event report statement, written once against `EventsSql`, run on the warehouse
 * (Postgres, over `clickstream_events`) or on the columnar copy (DuckDB or Athena, over the
 * copy's Parquet for the days scanned). To be folded into the shared event-report runner.
 */

const TIMEOUT_MS = 20_000;

export type ReportPath = "auto" | "raw" | "columnar";

export interface RawEventQuery {
  /** What the report is, in words, for the timeout message ("The paths report"). */
  label: string;
  path: ReportPath;
  /** The instants (ISO) the statement reads events between. */
  scan: { from: string; to: string };
  /** The statement over the given events source, its values added to `p`. */
  build(events: EventsSql, p: SqlParams): string;
}

export interface RawEventAnswer<R> {
  rows: R[];
  path: "raw" | "columnar";
  sql: string;
  ms: number;
}

const timeoutError = (label: string) =>
  new AppError(
    "query_timeout",
    `${label} did not finish within ${TIMEOUT_MS / 1000} s over this range; narrow the dates and try again.`,
  );

/** The columnar copy when it answers: asked for by name, or (auto) when it holds every loaded object. */
async function chooseLake(db: Database, path: ReportPath, lake?: EventLakeQuery): Promise<EventLakeQuery | null> {
  if (path === "columnar") {
    if (!lake) throw new AppError("invalid_input", "This deployment has no columnar copy of the events to read.");
    return lake;
  }
  return path === "auto" && lake && (await isColumnarCopyComplete(db)) ? lake : null;
}

async function runOnWarehouse<R extends Record<string, unknown>>(
  db: Database,
  q: RawEventQuery,
): Promise<{ rows: R[]; sql: string }> {
  const p = new SqlParams();
  const sql = q.build(WAREHOUSE_EVENTS, p);
  const rows = await db
    .transaction(async (tx) => {
      await tx.query(`SET LOCAL statement_timeout = ${TIMEOUT_MS}`);
      if (db.kind === "postgres") {
        await tx.query("SET LOCAL work_mem = '64MB'");
        await tx.query("SET LOCAL jit = off");
      }
      return tx.query<R>(sql, p.values);
    })
    .catch((err: { code?: string }) => {
      if (err.code === "57014") throw timeoutError(q.label);
      throw err;
    });
  return { rows, sql: `${sql}\n-- parameters: ${JSON.stringify(p.values)}` };
}

async function runOnLake<R extends Record<string, unknown>>(
  lake: EventLakeQuery,
  q: RawEventQuery,
): Promise<{ rows: R[]; sql: string }> {
  const events: EventsSql = {
    source: lake.eventsSource({ from: q.scan.from.slice(0, 10), to: q.scan.to.slice(0, 10) }),
    firstValue: (v, order) => lake.firstValue(v, order),
  };
  const p = new SqlParams();
  const { sql, params } = toPositional(q.build(events, p), p.values);
  const { rows } = await lake.engine
    .query<R>(sql, params, { signal: AbortSignal.timeout(TIMEOUT_MS) })
    .catch((err: { code?: string }) => {
      if (err.code === "cancelled") throw timeoutError(q.label);
      throw err;
    });
  return { rows, sql: `${sql}\n-- parameters: ${JSON.stringify(params)}` };
}

/** Runs the report on the columnar copy when it answers, else on the warehouse. */
export async function runRawEventQuery<R extends Record<string, unknown>>(
  db: Database,
  q: RawEventQuery,
  lake?: EventLakeQuery,
): Promise<RawEventAnswer<R>> {
  const started = Date.now();
  const columnar = await chooseLake(db, q.path, lake);
  const { rows, sql } = columnar ? await runOnLake<R>(columnar, q) : await runOnWarehouse<R>(db, q);
  return { rows, sql, path: columnar ? "columnar" : "raw", ms: Date.now() - started };
}
