import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database, Queryable, Row, Session } from "@/lib/ports/database";

/** The `Database` port over node-postgres; used for PGlite (via its socket server) and Postgres. */
export class PgDatabase implements Database {
  readonly kind: "pglite" | "postgres";
  /** Where it connects (tests hand these to child processes). */
  readonly url: string;
  readonly schema: string | undefined;
  private readonly pool: pg.Pool;
  private readonly onClose?: () => Promise<void>;

  constructor(opts: {
    url: string;
    kind: "pglite" | "postgres";
    max?: number;
    /** Postgres only: run in this schema (isolated test runs). */
    schema?: string;
    onClose?: () => Promise<void>;
  }) {
    this.kind = opts.kind;
    this.url = opts.url;
    this.schema = opts.schema;
    this.pool = new pg.Pool({
      connectionString: opts.url,
      // PGlite is one session behind a multiplexer that interleaves concurrent connections' protocol
      // messages (and would mix one client's queries into another's transaction): one connection
      // per process, queries and transactions queue in the pool.
      max: opts.kind === "pglite" ? 1 : (opts.max ?? 10),
      idleTimeoutMillis: 30_000,
      application_name: "sightline",
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    // An idle client erroring (server restart) must not crash the process.
    this.pool.on("error", (err) => console.error("[db] idle client error:", err.message));
    this.onClose = opts.onClose;
  }

  async query<T extends object = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const res = await this.pool.query(sql, params as unknown[]);
    return res.rows as T[];
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx = this.queryable(client);
    try {
      await client.query("BEGIN");
      const out = await fn(tx);
      await client.query("COMMIT");
      return out;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  /** A dedicated connection for session-scoped work (advisory locks, migrations). */
  async withSession<T>(fn: (session: Session) => Promise<T>): Promise<T> {
    return this.withConnection(async (client) => {
      const q = this.queryable(client);
      return fn({
        ...q,
        transaction: async (body) => {
          await client.query("BEGIN");
          try {
            const out = await body(q);
            await client.query("COMMIT");
            return out;
          } catch (err) {
            await client.query("ROLLBACK").catch(() => undefined);
            throw err;
          }
        },
      });
    });
  }

  private queryable(client: pg.PoolClient): Queryable {
    return {
      query: async <R extends object = Row>(sql: string, params: readonly unknown[] = []) =>
        (await client.query(sql, params as unknown[])).rows as R[],
      ...(this.kind === "postgres"
        ? { copyIn: (sql: string, data: string) => pipeline(Readable.from([data]), client.query(copyFrom(sql))) }
        : {}),
    };
  }

  async withConnection<T>(fn: (conn: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await fn(client);
    } finally {
      client.release();
    }
  }

  async serverVersion(): Promise<string> {
    const rows = await this.query<{ v: string }>("select version() as v");
    return rows[0]?.v ?? "unknown";
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.onClose?.();
  }
}
