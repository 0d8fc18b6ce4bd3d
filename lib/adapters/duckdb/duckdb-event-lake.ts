import fs from "node:fs";
import path from "node:path";
import { COLUMNAR_COLUMNS } from "@/lib/clickstream/columnar-copy";
import { IDENTITIES_KEY } from "@/lib/clickstream/identity-map";
import {
  computeSummaryTag,
  dayBeforeOf,
  type ListedFile,
  summaryInputDays,
  summaryKey,
} from "@/lib/clickstream/session-summary";
import type { EventLakeQuery, TimeSql } from "@/lib/ports/event-lake";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import type { ParquetColumnType } from "@/lib/ports/parquet-file-writer";
import { nextDay } from "@/lib/schemas/clickstream-reports";
import { buildSessionSummarySql } from "./session-summary-sql";
import { q } from "./sql-types";

const DUCKDB_TYPE: Record<ParquetColumnType, string> = {
  text: "VARCHAR",
  timestamp: "TIMESTAMPTZ",
  boolean: "BOOLEAN",
  integer: "INTEGER",
  money: "DECIMAL(14,2)",
};

/** No files for the days asked: no rows, with the copy's columns. */
const EMPTY = `(SELECT ${[
  ...COLUMNAR_COLUMNS.map((c) => `CAST(NULL AS ${DUCKDB_TYPE[c.type]}) AS ${c.name}`),
  "CAST(NULL AS VARCHAR) AS dt",
  "CAST(NULL AS VARCHAR) AS hr",
].join(", ")} WHERE false)`;

/** No identity map written yet: no rows, with its columns. */
const NO_IDENTITIES = `(SELECT CAST(NULL AS VARCHAR) AS client_id, CAST(NULL AS VARCHAR) AS user_id,
  CAST(NULL AS TIMESTAMPTZ) AS merged_at, CAST(NULL AS VARCHAR) AS event_id WHERE false)`;

/**
 * Time arithmetic on integer microseconds (`epoch_us`): exact, and several times faster than DuckDB's
 * time zone-aware TIMESTAMPTZ operators (a 30-day funnel at 20M events: docs/performance.md). The
 * quotients are doubles of integers below 2^53, so a floor lands on the same side of a boundary as
 * Postgres' exact numeric.
 */
export const DUCKDB_TIME: TimeSql = {
  secondsBetween: (later, earlier) => `((epoch_us(${later}) - epoch_us(${earlier})) / 1000000)`,
  periodIndex: (ts, start, seconds) =>
    `CAST(floor((epoch_us(${ts}) - CAST(${start} AS DOUBLE) * 1000000) / (CAST(${seconds} AS DOUBLE) * 1000000)) AS INTEGER)`,
  utcDate: (ts) => `(DATE '1970-01-01' + CAST(epoch_us(${ts}) // 86400000000 AS INTEGER))`,
  withinMinutes: (later, earlier, minutes) =>
    `epoch_us(${later}) <= epoch_us(${earlier}) + CAST(${minutes} AS BIGINT) * 60000000`,
  atLeastMinutes: (later, earlier, minutes) =>
    `epoch_us(${later}) >= epoch_us(${earlier}) + CAST(${minutes} AS BIGINT) * 60000000`,
};

/** The copy's event files of one day under `root`, keyed as the object store keys them (`events/dt=…/hr=…/…`). */
export function listCopyDayFiles(root: string, day: string): ListedFile[] {
  const dir = path.join(root, "events", `dt=${day}`);
  let names: string[];
  try {
    names = fs.readdirSync(dir, { recursive: true }).map(String);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(".parquet"))
    .map((n) => ({
      key: `events/dt=${day}/${n.split(path.sep).join("/")}`,
      size: fs.statSync(path.join(dir, n)).size,
    }));
}

/**
 * The clickstream's columnar copy on the local disk (`<root>/events/dt=…/hr=…/*.parquet`), read by
 * a DuckDB lake engine (the app's own: the sources are absolute paths). Only the days asked for are
 * listed, so DuckDB never globs the whole copy.
 */
export class DuckDbEventLake implements EventLakeQuery {
  readonly time = DUCKDB_TIME;
  constructor(
    readonly engine: LakeQueryEngine,
    private readonly root: string,
  ) {}

  eventsSource(days: { from: string; to: string }): string {
    const dir = path.join(this.root, "events");
    let entries: string[] = [];
    try {
      entries = fs.readdirSync(dir);
    } catch {
      return EMPTY;
    }
    const present = entries
      .filter((e) => e.startsWith("dt=") && e.slice(3) >= days.from && e.slice(3) <= days.to)
      .filter((e) => fs.readdirSync(path.join(dir, e)).length > 0)
      .sort();
    if (present.length === 0) return EMPTY;
    const globs = present.map((d) => q(`${dir}/${d}/*/*.parquet`));
    return `read_parquet([${globs.join(", ")}], hive_partitioning = true, hive_types = {'dt': VARCHAR, 'hr': VARCHAR})`;
  }

  /**
   * The per-session summary of the sessions starting on the days [from, to] (see
   * `session-summary.ts`): each day's summary file when it was built from the event files there
   * now, and the same summary counted from the events for the other days.
   */
  sessionsSource(days: { from: string; to: string }): string {
    const files: string[] = [];
    const parts: string[] = [];
    let run: string[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const span = { from: run[0] as string, to: run[run.length - 1] as string };
      const src = this.eventsSource({ from: dayBeforeOf(span.from), to: nextDay(span.to) });
      parts.push(`SELECT * FROM ${buildSessionSummarySql(src, span)}`);
      run = [];
    };
    // Each day is listed once, though it is an input of three start days.
    const listings = new Map<string, ListedFile[]>();
    const listed = (d: string) => {
      const files = listings.get(d) ?? listCopyDayFiles(this.root, d);
      listings.set(d, files);
      return files;
    };
    for (let day = days.from; day <= days.to; day = nextDay(day)) {
      if (listed(day).length === 0) {
        flush();
        continue;
      }
      const inputs = summaryInputDays(day).flatMap(listed);
      const file = path.join(this.root, summaryKey(day, computeSummaryTag(inputs)));
      if (fs.existsSync(file)) {
        flush();
        files.push(file);
      } else run.push(day);
    }
    flush();
    if (files.length) parts.unshift(`SELECT * FROM read_parquet([${files.map(q).join(", ")}])`);
    if (parts.length === 0) return `(SELECT * FROM ${buildSessionSummarySql(EMPTY, days)})`;
    return `(${parts.join(" UNION ALL BY NAME ")})`;
  }

  /** The identity map the ETL writes beside the events (`identities/identities.parquet`). */
  identitiesSource(): string {
    const file = path.join(this.root, IDENTITIES_KEY);
    return fs.existsSync(file) ? `read_parquet(${q(file)})` : NO_IDENTITIES;
  }

  /** `arg_min_null`: the value on the first row, even when it is null (`arg_min` skips nulls). */
  valueAt(value: string, order: readonly string[], filter: string): string {
    return `arg_min_null(${value}, struct_pack(${order.join(", ")})) FILTER (WHERE ${filter})`;
  }

  /** `arg_min` over a struct of the order columns: about twice as fast here as an ordered `array_agg`. */
  firstValue(value: string, order: readonly string[]): string {
    return `arg_min(${value}, struct_pack(${order.join(", ")})) FILTER (WHERE ${value} IS NOT NULL)`;
  }
}
