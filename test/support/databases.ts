import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedOwner } from "@/lib/db/embedded";
import { PgDatabase } from "@/lib/db/pg-database";

export interface DbTarget {
  name: "pglite" | "postgres";
  /** A fresh, empty database (own PGlite dir, or own schema on the shared Postgres). */
  open(): Promise<PgDatabase>;
}

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `sightline-${prefix}-`));

const pglite: DbTarget = {
  name: "pglite",
  async open() {
    const owner = await startEmbeddedOwner(tempDir("pglite"));
    return new PgDatabase({ url: owner.url, kind: "pglite", max: 4, onClose: owner.stop });
  },
};

const postgres = (url: string): DbTarget => ({
  name: "postgres",
  async open() {
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const admin = new PgDatabase({ url, kind: "postgres", max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.close();
    return new PgDatabase({
      url,
      kind: "postgres",
      schema,
      onClose: async () => {
        const cleanup = new PgDatabase({ url, kind: "postgres", max: 1 });
        await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
        await cleanup.close();
      },
    });
  },
});

/** PGlite always; the real Postgres too when DATABASE_URL is set (CI sets it when one answers). */
export const DB_TARGETS: DbTarget[] = [
  pglite,
  ...(process.env.DATABASE_URL ? [postgres(process.env.DATABASE_URL)] : []),
];
