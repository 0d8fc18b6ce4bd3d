import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { EventLakeQuery } from "@/lib/ports/event-lake";
import type { LakeParam } from "@/lib/ports/lake-query";

/**
 * Running one report statement over raw events, on either engine, the same way for every report
 * (funnels, retention, trends, paths, correlation): one time limit, one sentence when it is reached.
 */

/** How long a report may run before the engine is stopped (the warehouse's statement timeout). */
export const REPORT_TIMEOUT_MS = 20_000;

/** `name` is what people call the report, starting the sentence ("The funnel"). */
export const reportTimeoutError = (name: string) =>
  new AppError(
    "query_timeout",
    `${name} did not finish within ${REPORT_TIMEOUT_MS / 1000} s over this range. Try fewer days or fewer filters.`,
  );

/**
 * The statement in Postgres under its timeout, with analytics settings for this statement only: hash
 * per-unit rows in memory rather than sort them on disk; no JIT (its compile time exceeds its gain
 * on one-off statements); parallel plans priced for scans of millions of rows, not for OLTP (the
 * defaults kept the session rollup's scan on one core: docs/performance.md).
 */
export async function queryWarehouse<T>(db: Database, sql: string, params: unknown[], name: string): Promise<T[]> {
  return db
    .transaction(async (tx) => {
      await tx.query(`SET LOCAL statement_timeout = ${REPORT_TIMEOUT_MS}`);
      if (db.kind === "postgres") {
        await tx.query("SET LOCAL work_mem = '64MB'");
        await tx.query("SET LOCAL jit = off");
        await tx.query("SET LOCAL parallel_setup_cost = 10");
        await tx.query("SET LOCAL parallel_tuple_cost = 0.001");
      }
      return tx.query<T & Record<string, unknown>>(sql, params);
    })
    .catch((err: { code?: string }) => {
      if (err.code === "57014") throw reportTimeoutError(name);
      throw err;
    });
}

/** The statement (`?` placeholders) on the lake engine, stopped at the same limit. */
export async function queryLake<T extends Record<string, unknown>>(
  lake: EventLakeQuery,
  sql: string,
  params: LakeParam[],
  name: string,
): Promise<T[]> {
  const { rows } = await lake.engine
    .query<T>(sql, params, { signal: AbortSignal.timeout(REPORT_TIMEOUT_MS) })
    .catch((err: { code?: string }) => {
      if (err.code === "cancelled") throw reportTimeoutError(name);
      throw err;
    });
  return rows;
}
