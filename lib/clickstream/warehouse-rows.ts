import { ClickEvent, eventTimeMs, eventTimeProblem, LIMITS, type RawEventLine } from "@/lib/schemas/clickstream";
import { findUnstorableText, inDateWindow } from "@/lib/schemas/common";
import { jsonDepthExceeds } from "@/lib/schemas/json-depth";

/** The warehouse's event columns, in row order, with the Postgres array type each travels as. */
const COLUMN_TYPES = {
  event_id: "uuid",
  event_timestamp: "float8",
  event_name: "text",
  user_id: "text",
  user_login_state: "text",
  identity_source: "text",
  client_id: "text",
  session_id: "text",
  is_first_visit: "bool",
  product_id: "text",
  product_name: "text",
  product_category: "text",
  product_brand: "text",
  product_price: "numeric",
  product_discount_price: "numeric",
  product_url_path: "text",
  page_url: "text",
  referrer: "text",
  received_at: "float8",
  client_seq: "int4",
  /** Last, so the columnar copy (which leaves it out) keeps the other columns' positions. */
  user_agent: "text",
} as const;
type Column = keyof typeof COLUMN_TYPES;

export const COLUMNS = Object.keys(COLUMN_TYPES) as Column[];
/** Postgres array types of `COLUMNS`, in order (rows travel as one array per column). */
export const TYPES = COLUMNS.map((c) => COLUMN_TYPES[c]);
const TS_COLUMNS = new Set<string>(["event_timestamp", "received_at"]);
/** Columns held in epoch ms in a row and stored as timestamptz. */
export const isTimestampColumn = (c: string) => TS_COLUMNS.has(c);

export type WarehouseRow = unknown[];

const indexOf = (name: Column) => COLUMNS.indexOf(name);
/** Where the rollups find each value in a row. */
export const COL = {
  id: indexOf("event_id"),
  ts: indexOf("event_timestamp"),
  name: indexOf("event_name"),
  user: indexOf("user_id"),
  login: indexOf("user_login_state"),
  identity: indexOf("identity_source"),
  client: indexOf("client_id"),
  session: indexOf("session_id"),
  firstVisit: indexOf("is_first_visit"),
  product: indexOf("product_id"),
  productName: indexOf("product_name"),
  category: indexOf("product_category"),
  brand: indexOf("product_brand"),
  price: indexOf("product_price"),
  discount: indexOf("product_discount_price"),
};

/**
 * One raw line → the warehouse row (timestamps in epoch ms); throws with the reason when the line is
 * unusable. Raw objects may predate today's ingest rules (or be written by hand), so every rule the
 * ingest applies is applied again here: a line the warehouse cannot store is quarantined, never loaded.
 */
export function toWarehouseRow(line: string): WarehouseRow {
  if (jsonDepthExceeds(line, LIMITS.depth)) throw new Error("the line nests too deeply to be an event");
  let raw: Partial<RawEventLine>;
  try {
    raw = JSON.parse(line) as Partial<RawEventLine>;
  } catch {
    throw new Error("the line is not JSON");
  }
  if (!raw || typeof raw !== "object" || typeof raw.receivedAt !== "number" || !inDateWindow(raw.receivedAt))
    throw new Error("not a raw event line (no receive time)");
  const unstorable = findUnstorableText(raw.event);
  if (unstorable) throw new Error(`${unstorable.path}: ${unstorable.reason}`);
  const parsed = ClickEvent.safeParse(raw.event);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".") || "event"}: ${i.message}`).join("; "));
  const timeProblem = eventTimeProblem(eventTimeMs(parsed.data), raw.receivedAt);
  if (timeProblem) throw new Error(timeProblem);
  return eventToWarehouseRow(parsed.data, raw.receivedAt, typeof raw.userAgent === "string" ? raw.userAgent : null);
}

/** The longest user agent kept (real ones are a few hundred characters). */
const MAX_USER_AGENT = 512;

/** A validated event, its receive time and the sender's user agent → the warehouse row. */
export function eventToWarehouseRow(e: ClickEvent, receivedAt: number, userAgent: string | null = null): WarehouseRow {
  const ms = eventTimeMs(e);
  const p = e.product;
  return [
    e.eventId.toLowerCase(),
    ms,
    e.eventName,
    e.userId ?? null,
    e.userLoginState ?? null,
    e.identitySource ?? null,
    e.clientId,
    e.sessionId,
    e.isFirstVisit ?? null,
    p?.id ?? null,
    p?.name ?? null,
    p?.category ?? null,
    p?.brand ?? null,
    p?.price ?? null,
    p?.discountPrice ?? null,
    p?.urlPath ?? null,
    e.pageUrl ?? null,
    e.referrer ?? null,
    receivedAt,
    e.seq ?? e.clientSeq ?? null,
    userAgent === null ? null : userAgent.slice(0, MAX_USER_AGENT),
  ];
}

/** The value of column `c` in COPY text format. */
export function toCopyText(v: unknown, c: number): string {
  if (v === null || v === undefined) return "\\N";
  if (isTimestampColumn(COLUMNS[c] as string)) return new Date(v as number).toISOString();
  if (typeof v === "boolean") return v ? "t" : "f";
  return String(v).replace(/[\\\t\n\r]/g, (ch) =>
    ch === "\t" ? "\\t" : ch === "\n" ? "\\n" : ch === "\r" ? "\\r" : "\\\\",
  );
}

/** Rows as the body of a `COPY … FROM STDIN` in text format. */
export const toCopyData = (rows: readonly WarehouseRow[]) =>
  `${rows.map((r) => r.map(toCopyText).join("\t")).join("\n")}\n`;

export interface EventSpan {
  min: number;
  max: number;
}

/** The earliest and latest event time of rows, or null for none. */
export function computeEventSpan(rows: readonly WarehouseRow[]): EventSpan | null {
  if (rows.length === 0) return null;
  const span = { min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
  for (const r of rows) {
    const ms = r[COL.ts] as number;
    if (ms < span.min) span.min = ms;
    if (ms > span.max) span.max = ms;
  }
  return span;
}
