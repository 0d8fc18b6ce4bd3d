import { AppError } from "@/lib/errors";
import type { LakeParam } from "@/lib/ports/lake-query";
import { REVERSED_RANGE } from "@/lib/schemas/search-problems";

const DAY = 86_400_000;
/** Default look-back when the caller gives no range, and the widest range one query may scan. */
export const DEFAULT_DAYS = 7;
export const MAX_DAYS = 400;

export interface Window {
  from: string;
  to: string;
}

/** The time window a lake query reads; partitions outside it are never opened. */
export function resolveWindow(input: { from?: string; to?: string }, now = Date.now()): Window {
  const to = input.to ? Date.parse(input.to) : now;
  const from = input.from ? Date.parse(input.from) : to - DEFAULT_DAYS * DAY;
  if (from > to) throw new AppError("invalid_input", REVERSED_RANGE);
  if (to - from > MAX_DAYS * DAY) throw new AppError("invalid_input", `A query may cover at most ${MAX_DAYS} days`);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** Collects SQL conditions and their parameters in order. */
export class Where {
  readonly parts: string[] = [];
  readonly params: LakeParam[] = [];
  add(sql: string, ...params: LakeParam[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }
  sql(): string {
    return this.parts.length ? this.parts.map((p) => `(${p})`).join(" AND ") : "true";
  }
}

/** Partition pruning on `dt` plus the exact bound on the table's time column. */
export function addWindow(w: Where, d: { timestampParam(): string }, timeColumn: string, win: Window): Where {
  return w
    .add("dt BETWEEN ? AND ?", win.from.slice(0, 10), win.to.slice(0, 10))
    .add(`${timeColumn} BETWEEN ${d.timestampParam()} AND ${d.timestampParam()}`, stamp(win.from), stamp(win.to));
}

/** The window's UTC days, for engines that read partitions by listing them. */
export const daysOf = (win: Window) => ({ from: win.from.slice(0, 10), to: win.to.slice(0, 10) });

/** ISO instant → `yyyy-mm-dd hh:mm:ss.SSS` (a timestamp literal both engines parse). */
export const stamp = (iso: string) => iso.replace("T", " ").replace("Z", "");

/** Opaque keyset cursors. */
export const encodeCursor = (v: readonly (string | number)[]) => Buffer.from(JSON.stringify(v)).toString("base64url");
export function decodeCursor(
  c: string | undefined,
  shape: readonly ("string" | "number")[],
): (string | number)[] | null {
  if (!c) return null;
  try {
    const v = JSON.parse(Buffer.from(c, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(v) && v.length === shape.length && v.every((x, i) => typeof x === shape[i])) return v;
  } catch {
    /* fall through */
  }
  throw new AppError("invalid_input", "Bad cursor");
}
