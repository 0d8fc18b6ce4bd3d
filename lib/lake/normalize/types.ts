import type { LakeRow, TableName } from "../tables";

/** What a raw object turned out to be. */
export type SourceKind = "cloudtrail" | "guardduty" | "vpcflow" | "cwlogs" | "mixed" | "digest" | "unknown";

/** Where a normalizer sends what it makes of one raw object. */
export interface Sink {
  row(table: TableName, row: LakeRow): void;
  /** A record that could not be normalized: kept with where it was and why. */
  quarantine(position: string, reason: string, sample: unknown): void;
  /** Something deliberately not loaded (digest files, control messages, NODATA). */
  skip(reason: string, count?: number): void;
}

export type Json = Record<string, unknown>;
export const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | null =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null;
export const bool = (v: unknown): boolean | null =>
  typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : null;
export const jsonText = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/** Epoch milliseconds from an ISO string, epoch seconds or epoch ms; null when unusable. */
export function toMillis(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v < 1e11 ? Math.round(v * 1000) : Math.round(v);
  if (typeof v === "string" && v) {
    if (/^\d+(\.\d+)?$/.test(v)) return toMillis(Number(v));
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

export const sample = (v: unknown, max = 500): string => {
  const text = typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
  return text.length > max ? `${text.slice(0, max)}…` : text;
};
