export type Row = Record<string, unknown>;

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T extends object = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/**
 * Relational database port (app state and the clickstream warehouse).
 * Both adapters speak PostgreSQL SQL; only where the server lives differs.
 */
export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one transaction; keep it short (the embedded engine serializes). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  serverVersion(): Promise<string>;
  close(): Promise<void>;
}
