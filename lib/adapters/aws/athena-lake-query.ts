import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { AppError } from "@/lib/errors";
import { sqlLiteral } from "@/lib/lake/sql-literal";
import type { TableName } from "@/lib/lake/tables";
import type { LakeDialect, LakeParam, LakeQueryEngine, LakeQueryResult } from "@/lib/ports/lake-query";

export const athenaDialect = (database: string): LakeDialect => ({
  engine: "athena",
  table: (name: TableName) => `"${database.replace(/"/g, '""')}"."${name}"`,
  epochMs: (c) => `CAST(to_unixtime(${c}) * 1000 AS BIGINT)`,
  materialized: "",
  msToTimestamp: (e) => `from_unixtime(${e} / 1000.0)`,
  timestampParam: () => "CAST(? AS TIMESTAMP)",
  listContains: (c) => `contains(${c}, ?)`,
  listAsJson: (c) => `json_format(CAST(${c} AS JSON))`,
  containsText: (c) => `strpos(lower(${c}), lower(?)) > 0`,
  day: (c) => `date_format(${c}, '%Y-%m-%d')`,
  jsonText: (c, p) => `json_extract_scalar(${c}, ${sqlLiteral(p)})`,
  regexMatch: (e, pattern) => `regexp_like(${e}, ${pattern})`,
});

/**
 * Athena takes execution parameters as SQL literals, applied in order to the `?` placeholders:
 * strings go quoted with quotes doubled, numbers as they are (`sqlLiteral`).
 */
export const athenaLiteral = sqlLiteral;

const NUMERIC = new Set(["tinyint", "smallint", "integer", "bigint", "double", "float", "real", "decimal"]);

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

export interface AthenaLakeQueryOptions {
  database: string;
  workGroup: string;
  region?: string;
  client?: AthenaClient;
  /** First poll delay; doubles (with jitter) up to `maxPollMs`. */
  pollMs?: number;
  maxPollMs?: number;
  /** Give up (and stop the query) after this long. */
  deadlineMs?: number;
  /** Reuse a previous identical query's results up to this age (Athena result reuse). */
  reuseMinutes?: number;
}

/**
 * Lake queries on Athena: StartQueryExecution with execution parameters in the workgroup,
 * polling with backoff until a deadline, GetQueryResults pages, result reuse for identical
 * queries, StopQueryExecution when the caller goes away or the deadline passes. Engine time and
 * bytes scanned come from the execution's statistics.
 */
export class AthenaLakeQuery implements LakeQueryEngine {
  readonly dialect: LakeDialect;
  private readonly client: AthenaClient;

  constructor(private readonly opts: AthenaLakeQueryOptions) {
    this.dialect = athenaDialect(opts.database);
    this.client = opts.client ?? new AthenaClient({ region: opts.region });
  }

  async query<T extends Record<string, unknown>>(
    sql: string,
    params: readonly LakeParam[],
    opts: { signal?: AbortSignal } = {},
  ): Promise<LakeQueryResult<T>> {
    const { signal } = opts;
    const start = await this.call((c) =>
      c.send(
        new StartQueryExecutionCommand({
          QueryString: sql,
          WorkGroup: this.opts.workGroup,
          QueryExecutionContext: { Database: this.opts.database },
          ExecutionParameters: params.length ? params.map(athenaLiteral) : undefined,
          ResultReuseConfiguration: {
            ResultReuseByAgeConfiguration: { Enabled: true, MaxAgeInMinutes: this.opts.reuseMinutes ?? 15 },
          },
        }),
      ),
    );
    const id = start.QueryExecutionId;
    if (!id) throw new AppError("query_failed", "Athena returned no query execution id");

    const deadline = Date.now() + (this.opts.deadlineMs ?? 60_000);
    let delay = this.opts.pollMs ?? 200;
    for (;;) {
      if (signal?.aborted) {
        await this.stop(id);
        throw new AppError("cancelled", "The query was cancelled");
      }
      if (Date.now() > deadline) {
        await this.stop(id);
        throw new AppError("query_timeout", "The lake query took too long and was stopped");
      }
      const { QueryExecution: qe } = await this.call((c) =>
        c.send(new GetQueryExecutionCommand({ QueryExecutionId: id })),
      );
      const state = qe?.Status?.State;
      if (state === "SUCCEEDED") {
        const rows = await this.results<T>(id);
        return {
          rows,
          stats: {
            engineMs: qe?.Statistics?.EngineExecutionTimeInMillis ?? 0,
            bytesScanned: qe?.Statistics?.DataScannedInBytes ?? 0,
          },
        };
      }
      if (state === "FAILED") {
        throw new AppError(
          "query_failed",
          `Athena query failed: ${qe?.Status?.StateChangeReason ?? "no reason given"}`,
        );
      }
      if (state === "CANCELLED") throw new AppError("cancelled", "The Athena query was cancelled");
      await sleep(delay * (0.75 + Math.random() * 0.5), signal);
      delay = Math.min(delay * 2, this.opts.maxPollMs ?? 2_000);
    }
  }

  /** All result pages as objects, typed by the result metadata (Athena returns text). */
  private async results<T>(id: string): Promise<T[]> {
    const out: T[] = [];
    let token: string | undefined;
    let columns: { name: string; numeric: boolean; boolean: boolean }[] | null = null;
    do {
      const page: GetQueryResultsCommandOutput = await this.call((c) =>
        c.send(new GetQueryResultsCommand({ QueryExecutionId: id, NextToken: token, MaxResults: 1000 })),
      );
      const rows = page.ResultSet?.Rows ?? [];
      if (!columns) {
        columns = (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((c) => ({
          name: c.Name ?? "",
          numeric: NUMERIC.has((c.Type ?? "").toLowerCase()),
          boolean: (c.Type ?? "").toLowerCase() === "boolean",
        }));
        rows.shift(); // the first row of a SELECT's first page is the header
      }
      for (const r of rows) {
        const o: Record<string, unknown> = {};
        (r.Data ?? []).forEach((cell, i) => {
          const col = columns?.[i];
          if (!col) return;
          const v = cell.VarCharValue;
          o[col.name] = v === undefined ? null : col.numeric ? Number(v) : col.boolean ? v === "true" : v;
        });
        out.push(o as T);
      }
      token = page.NextToken;
    } while (token);
    return out;
  }

  private async stop(id: string) {
    await this.client.send(new StopQueryExecutionCommand({ QueryExecutionId: id })).catch(() => undefined);
  }

  /** SDK calls with throttling mapped to our codes (the SDK has already retried with backoff). */
  private async call<O>(fn: (client: AthenaClient) => Promise<O>): Promise<O> {
    try {
      return await fn(this.client);
    } catch (err) {
      const name = (err as { name?: string }).name ?? "";
      if (name === "TooManyRequestsException" || name === "ThrottlingException") {
        throw new AppError("rate_limited", "Athena is throttling queries; try again shortly");
      }
      if (name === "InvalidRequestException") throw new AppError("query_failed", (err as Error).message);
      throw err;
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
