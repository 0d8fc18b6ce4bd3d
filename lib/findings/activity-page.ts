import type { ActivityPage, ActivityRow } from "@/lib/schemas/activity";
import type { Facet } from "@/lib/schemas/lake-view";
import { encodeActivityCursor } from "./activity-cursor";
import { parseJsonText } from "./finding-sql";

/** A row of the activity query: an event of the page, a top caller / top denied call, or a time bucket, with its count. */
export interface ActivityResultRow extends Record<string, unknown> {
  kind: "item" | "caller" | "denied" | "bucket";
  event_id: string | null;
  ms: number;
  event_source: string;
  event_name: string;
  principal: string | null;
  user_type: string | null;
  source_ip_address: string | null;
  aws_region: string | null;
  error_code: string | null;
  error_message?: string | null;
  user_agent?: string | null;
  /** Booleans travel as text ('true'/'false') so that every branch of the UNION has one type. */
  mfa_authenticated?: string | null;
  session_issuer_type?: string | null;
  session_issuer_arn?: string | null;
  access_key_id?: string | null;
  recipient_account_id?: string | null;
  read_only?: string | null;
  request_parameters: string | null;
  response_elements: string | null;
  /** Indicator lists as JSON text. */
  any_arn?: string | null;
  any_instance_id?: string | null;
  any_access_key_id?: string | null;
  source_key: string;
  source_ordinal: number;
  value: string | null;
  n: number | null;
}

const eventOrder = (x: ActivityResultRow, y: ActivityResultRow) =>
  Number(y.ms) - Number(x.ms) ||
  (x.source_key < y.source_key ? -1 : x.source_key > y.source_key ? 1 : 0) ||
  Number(x.source_ordinal) - Number(y.source_ordinal);

const flag = (v: string | null | undefined) => (v === "true" ? true : v === "false" ? false : null);
const strings = (v: string | null | undefined): string[] => {
  const parsed = parseJsonText(v);
  return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : [];
};

const toActivityRow = (r: ActivityResultRow): ActivityRow => ({
  eventId: r.event_id,
  time: new Date(Number(r.ms)).toISOString(),
  eventSource: r.event_source,
  eventName: r.event_name,
  principal: r.principal,
  userType: r.user_type,
  sourceIp: r.source_ip_address,
  region: r.aws_region,
  errorCode: r.error_code,
  errorMessage: r.error_message ?? null,
  userAgent: r.user_agent ?? null,
  mfaAuthenticated: flag(r.mfa_authenticated),
  sessionIssuer:
    r.session_issuer_type || r.session_issuer_arn
      ? { type: r.session_issuer_type ?? null, arn: r.session_issuer_arn ?? null }
      : null,
  accessKeyId: r.access_key_id ?? null,
  accountId: r.recipient_account_id ?? null,
  readOnly: flag(r.read_only),
  resources: { arn: strings(r.any_arn), instance: strings(r.any_instance_id), accessKey: strings(r.any_access_key_id) },
  requestParameters: parseJsonText(r.request_parameters),
  responseElements: parseJsonText(r.response_elements),
});

/**
 * The page's events newest first (UNION ALL keeps no order) and the cursor after the last; the
 * query fetched one row past the limit, so a cursor is set only when more rows exist.
 */
export function pageOfEvents(
  rows: readonly ActivityResultRow[],
  limit: number,
): Pick<ActivityPage, "items" | "nextCursor"> {
  const events = rows.filter((r) => r.kind === "item").sort(eventOrder);
  const page = events.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toActivityRow),
    nextCursor:
      events.length > limit && last
        ? encodeActivityCursor({
            ms: Number(last.ms),
            sourceKey: last.source_key,
            sourceOrdinal: Number(last.source_ordinal),
          })
        : null,
  };
}

/** The top-N rows of one kind, largest count first. */
export const topOf = (rows: readonly ActivityResultRow[], kind: "caller" | "denied"): Facet[] =>
  rows
    .filter((r) => r.kind === kind)
    .sort((x, y) => Number(y.n) - Number(x.n))
    .map((r) => ({ value: String(r.value), count: Number(r.n) }));
