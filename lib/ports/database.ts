export type Row = Record<string, unknown>;

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T extends object = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * `COPY … FROM STDIN` of `data` (text format), where the server speaks the copy protocol:
   * Postgres yes; the embedded engine behind its socket does not, so it is absent there.
   */
  copyIn?(sql: string, data: string): Promise<void>;
}

/** One connection held for a while: queries, and transactions on that same connection. */
export interface Session extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

/**
 * Relational database port (app state and the clickstream warehouse).
 * Both adapters speak PostgreSQL SQL; only where the server lives differs.
 */
export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one transaction; keep it short (the embedded engine serializes). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` on one dedicated connection (session-level advisory locks). Everything inside must
   * use `session` — with the embedded engine there is only one connection per process.
   */
  withSession<T>(fn: (session: Session) => Promise<T>): Promise<T>;
  serverVersion(): Promise<string>;
  close(): Promise<void>;
}
