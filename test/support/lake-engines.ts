import { DuckDbLakeQuery } from "@/lib/adapters/duckdb/duckdb-lake-query";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import { athenaEngineOver } from "./fake-athena";
import { lakeFixture } from "./lake-fixture";

export interface OpenLakeEngine {
  engine: LakeQueryEngine;
  close(): Promise<void>;
}

export interface LakeEngineTarget {
  name: "duckdb" | "athena";
  /** An engine over the fixture lake (`LAKE_FINDINGS`; every other table has no files). */
  open(): Promise<OpenLakeEngine>;
}

const duckdb: LakeEngineTarget = {
  name: "duckdb",
  async open() {
    const engine = await DuckDbLakeQuery.open(await lakeFixture(), { connections: 2, threads: 1 });
    return { engine, close: () => engine.close() };
  },
};

/** Result pages of two rows, so every result in the contract with more than one row crosses pages. */
const athena: LakeEngineTarget = {
  name: "athena",
  async open() {
    const { engine, service } = await athenaEngineOver(await lakeFixture(), { pageSize: 2 });
    return {
      engine,
      async close() {
        await engine.close();
        await service.close();
      },
    };
  },
};

/** Every adapter of the lake query port: DuckDB over the fixture Parquet, and Athena answered by DuckDB over the same files. */
export const LAKE_ENGINE_TARGETS: LakeEngineTarget[] = [duckdb, athena];
