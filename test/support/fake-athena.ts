import { randomUUID } from "node:crypto";
import {
  AthenaClient,
  GetQueryExecutionCommand,
  type GetQueryExecutionCommandInput,
  GetQueryResultsCommand,
  type GetQueryResultsCommandInput,
  InvalidRequestException,
  type QueryExecutionState,
  type Row,
  StartQueryExecutionCommand,
  type StartQueryExecutionCommandInput,
  StopQueryExecutionCommand,
  type StopQueryExecutionCommandInput,
} from "@aws-sdk/client-athena";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { mockClient } from "aws-sdk-client-mock";
import { AthenaLakeQuery } from "@/lib/adapters/aws/athena-lake-query";
import { athenaType, bindParameters, catalogOf, cellOf } from "./fake-athena-sql";

interface Execution {
  state: QueryExecutionState;
  reason?: string;
  engineMs?: number;
  bytes: number;
  columns: { Name: string; Type: string; Label: string }[];
  rows: Row[];
  conn?: DuckDBConnection;
}

const invalid = (message: string) => new InvalidRequestException({ message, $metadata: { httpStatusCode: 400 } });
const FINISHED = new Set<QueryExecutionState>(["SUCCEEDED", "FAILED", "CANCELLED"]);
type Options = { lakeRoot: string; database: string; workGroup: string; pageSize?: number };

/** Athena's query executions, each run on DuckDB in the background. */
class DuckDbAthena {
  private readonly executions = new Map<string, Execution>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly catalog: ReturnType<typeof catalogOf>,
    private readonly opts: Options,
  ) {}

  private find(id: string | undefined): Execution {
    const ex = this.executions.get(id ?? "");
    if (!ex) throw invalid(`QueryExecution ${id} was not found`);
    return ex;
  }

  start(i: StartQueryExecutionCommandInput) {
    if (i.WorkGroup !== this.opts.workGroup) throw invalid(`WorkGroup ${i.WorkGroup} is not found`);
    if (i.QueryExecutionContext?.Database !== this.opts.database) throw invalid("Database is not found");
    const id = randomUUID();
    const ex: Execution = { state: "QUEUED", bytes: 0, columns: [], rows: [] };
    this.executions.set(id, ex);
    try {
      const sql = bindParameters(i.QueryString ?? "", i.ExecutionParameters ?? []);
      ex.bytes = this.catalog.bytesScanned(sql);
      const done = this.run(ex, sql).finally(() => this.running.delete(done));
      this.running.add(done);
    } catch (err) {
      Object.assign(ex, { state: "FAILED", reason: (err as Error).message });
    }
    return { QueryExecutionId: id };
  }

  private async run(ex: Execution, sql: string) {
    const t0 = performance.now();
    // A stop can come at any point; once CANCELLED the execution stays so.
    const settle = (to: Partial<Execution>) => {
      if (ex.state !== "CANCELLED") Object.assign(ex, { engineMs: Math.round(performance.now() - t0) }, to);
    };
    const conn = await this.instance.connect();
    if (ex.state === "CANCELLED") return conn.closeSync();
    ex.conn = conn;
    settle({ state: "RUNNING" });
    try {
      const reader = await conn.runAndReadAll(sql);
      const names = reader.columnNames();
      settle({
        columns: reader
          .columnTypes()
          .map((t, i) => ({ Name: names[i] ?? "", Type: athenaType(t), Label: names[i] ?? "" })),
        rows: [
          { Data: names.map((n) => ({ VarCharValue: n })) },
          ...reader.getRows().map((r) => ({ Data: r.map(cellOf) })),
        ],
        state: "SUCCEEDED",
      });
    } catch (err) {
      settle({ state: "FAILED", reason: (err as Error).message });
    } finally {
      ex.conn = undefined;
      conn.closeSync();
    }
  }

  describe(i: GetQueryExecutionCommandInput) {
    const ex = this.find(i.QueryExecutionId);
    const stats = { EngineExecutionTimeInMillis: ex.engineMs ?? 0, DataScannedInBytes: ex.bytes };
    return {
      QueryExecution: {
        QueryExecutionId: i.QueryExecutionId,
        Status: { State: ex.state, StateChangeReason: ex.reason },
        Statistics: FINISHED.has(ex.state) ? stats : undefined,
      },
    };
  }

  results(i: GetQueryResultsCommandInput) {
    const ex = this.find(i.QueryExecutionId);
    if (ex.state !== "SUCCEEDED") throw invalid(`Query has not yet finished. Current state: ${ex.state}`);
    const from = i.NextToken ? Number(Buffer.from(i.NextToken, "base64url").toString()) : 0;
    const size = Math.min(i.MaxResults ?? 1000, this.opts.pageSize ?? 1000);
    const more = from + size < ex.rows.length;
    return {
      ResultSet: { ResultSetMetadata: { ColumnInfo: ex.columns }, Rows: ex.rows.slice(from, from + size) },
      NextToken: more ? Buffer.from(String(from + size)).toString("base64url") : undefined,
    };
  }

  stop(i: StopQueryExecutionCommandInput) {
    const ex = this.find(i.QueryExecutionId);
    if (!FINISHED.has(ex.state)) {
      ex.state = "CANCELLED";
      ex.conn?.interrupt();
    }
    return {};
  }

  /** Stops what still runs and waits for it, so the instance can close. */
  async drain() {
    for (const ex of this.executions.values()) ex.conn?.interrupt();
    await Promise.allSettled([...this.running]);
  }
}

/**
 * Athena behind an AthenaClient instance, running each query for real on DuckDB over the lake's
 * Parquet: the Glue database is a schema of views, the Trino functions the Athena dialect uses are
 * macros, and execution parameters are pasted where their `?` stands as Athena does (so a value the
 * adapter failed to quote changes the query here too). A query starts QUEUED, runs in the
 * background and ends SUCCEEDED (with engine time and the Parquet bytes of the tables it names),
 * FAILED (with DuckDB's message as the reason) or CANCELLED by StopQueryExecution. Results come as
 * Athena's text cells, a header row first, in pages of at most `pageSize` rows. Not checked: that
 * `?` appear only in WHERE clauses.
 */
export async function fakeAthena(client: AthenaClient, opts: Options) {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const catalog = catalogOf(opts.lakeRoot, opts.database);
  const setup = await instance.connect();
  for (const sql of catalog.ddl) await setup.run(sql);
  const athena = new DuckDbAthena(instance, catalog, opts);
  const mock = mockClient(client);
  mock.onAnyCommand().rejects(new Error("fake Athena: unsupported command"));
  mock.on(StartQueryExecutionCommand).callsFake(async (i) => athena.start(i));
  mock.on(GetQueryExecutionCommand).callsFake(async (i) => athena.describe(i));
  mock.on(GetQueryResultsCommand).callsFake(async (i) => athena.results(i));
  mock.on(StopQueryExecutionCommand).callsFake(async (i) => athena.stop(i));
  return {
    /** The mocked client, to inspect what was sent. */
    mock,
    async close() {
      mock.restore();
      await athena.drain();
      setup.closeSync();
      instance.closeSync();
    },
  };
}

/** The Athena lake adapter over a lake root, its SDK client answered by the fake above (polls fast). */
export async function athenaEngineOver(lakeRoot: string, opts: { pageSize?: number } = {}) {
  const client = new AthenaClient({ region: "us-east-1" });
  const service = await fakeAthena(client, { lakeRoot, database: "sightline", workGroup: "sightline", ...opts });
  const engine = new AthenaLakeQuery({
    database: "sightline",
    workGroup: "sightline",
    client,
    pollMs: 5,
    maxPollMs: 20,
  });
  return { engine, service };
}
