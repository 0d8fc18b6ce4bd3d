import path from "node:path";
import type { CloudTrailBulk } from "@/lib/lake/cloudtrail-bulk";
import { BULK_STRING_COLUMNS, BULK_USER_NAME_PATH } from "@/lib/lake/cloudtrail-bulk-columns";
import { TABLES } from "@/lib/lake/tables";
import { duckDbType, PARQUET_ZSTD, q } from "./sql-types";

/**
 * The SQL half of the CloudTrail bulk path (`lib/lake/cloudtrail-bulk.ts`): DuckDB reads each
 * record's JSON with an explicit schema and derives the `cloudtrail` columns the way
 * `normalizeCloudTrailRecord` does, and the COPY fails — so the caller takes the record-by-record
 * path for the whole object — on any record where the two could differ: a required field missing
 * (`eventTime`, `eventName`, `eventSource`), the record not an object, or a time that is not plain
 * ISO-8601 UTC (`2026-11-20T10:05:00Z`, up to milliseconds; the normalizer also reads epoch
 * numbers and `Date.parse` forms). Text fields holding numbers, objects or arrays never get here:
 * TypeScript sends those objects record by record (`BULK_STRING_COLUMNS`).
 *
 * Read as DuckDB's JSON type, the variable-shape parts (`requestParameters` …) come out as
 * DuckDB writes JSON: the same values, numbers as DuckDB prints them (`1000.0` for `1e3`, large
 * integers exactly), where `JSON.stringify` would write `1000` and round large integers.
 */
const V = "VARCHAR";
const J = "JSON";
const struct = (fields: Record<string, string>) =>
  `STRUCT(${Object.entries(fields)
    .map(([k, t]) => `"${k}" ${t}`)
    .join(", ")})`;

const RECORD = struct({
  eventVersion: V,
  eventTime: V,
  eventSource: V,
  eventName: V,
  eventType: V,
  eventCategory: V,
  awsRegion: V,
  sourceIPAddress: V,
  userAgent: V,
  errorCode: V,
  errorMessage: V,
  readOnly: V,
  managementEvent: V,
  recipientAccountId: V,
  sharedEventID: V,
  vpcEndpointId: V,
  requestID: V,
  eventID: V,
  userIdentity: struct({
    type: V,
    principalId: V,
    arn: V,
    accountId: V,
    accessKeyId: V,
    userName: V,
    invokedBy: V,
    sessionContext: struct({
      sessionIssuer: struct({ type: V, arn: V, userName: V }),
      attributes: struct({ creationDate: V, mfaAuthenticated: V }),
    }),
  }),
  requestParameters: J,
  responseElements: J,
  additionalEventData: J,
  resources: J,
  serviceEventDetails: J,
});

const UI = "r.userIdentity";
const ISSUER = `${UI}.sessionContext.sessionIssuer`;
const ATTRS = `${UI}.sessionContext.attributes`;
const bool = (e: string) => `CASE ${e} WHEN 'true' THEN true WHEN 'false' THEN false END`;
const ISO_UTC = String.raw`[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,3})?Z`;
/** Plain ISO UTC → TIMESTAMP (null for anything else, including impossible dates). */
const isoTime = (e: string) =>
  `CASE WHEN regexp_full_match(${e}, '${ISO_UTC}') THEN TRY_CAST(replace(rtrim(${e}, 'Z'), 'T', ' ') AS TIMESTAMP) END`;

const field = (p: readonly string[]) => `r.${p.map((k) => `"${k}"`).join(".")}`;
/** Text columns, read as they are (TypeScript sends records with a non-string value there record by record). */
const STRING_FIELDS = Object.fromEntries(Object.entries(BULK_STRING_COLUMNS).map(([c, p]) => [c, field(p)]));

const isAccount = (e: string) => `regexp_full_match(${e}, '[0-9]{12}')`;
const adds = (e: string) => `(${e} IS NOT NULL AND NOT list_contains(c, ${e}) AND ${isAccount(e)})`;
/** The ARN accounts found in TypeScript (sorted, distinct), plus the record's own two when they are account ids. */
const ACCOUNT_IDS = `CASE WHEN ${adds("r.recipientAccountId")} OR ${adds(`${UI}.accountId`)}
  THEN list_sort(list_distinct(list_concat(c, list_filter([r.recipientAccountId, ${UI}.accountId], x -> ${isAccount("x")}))))
  ELSE c END`;

/** The `dt=…/hr=…` directory under `outDir` of a `YYYY-MM-DDTHH` hour (named as `PARTITION_BY` names it). */
export const hourPartitionDir = (outDir: string, hour: string) =>
  path.join(outDir, `dt=${hour.slice(0, 10)}`, `hr=${hour.slice(11, 13)}`);

function columnExpressions(sourceKey: string): Record<string, string> {
  return {
    ...STRING_FIELDS,
    event_time: "t_event",
    source_ip_is_service: `coalesce(r.sourceIPAddress IS NOT NULL AND NOT regexp_full_match(r.sourceIPAddress, '[0-9.]+') AND NOT contains(r.sourceIPAddress, ':'), false)`,
    read_only: bool("r.readOnly"),
    management_event: bool("r.managementEvent"),
    user_name: `coalesce(${field(BULK_USER_NAME_PATH)}, ${ISSUER}.userName, CASE WHEN ${UI}.type = 'Root' THEN 'root' END)`,
    mfa_authenticated: bool(`${ATTRS}.mfaAuthenticated`),
    session_created_at: "t_created",
    request_parameters: "r.requestParameters",
    response_elements: "r.responseElements",
    additional_event_data: "r.additionalEventData",
    resources: "r.resources",
    service_event_details: "r.serviceEventDetails",
    any_ip: "i",
    any_arn: "a",
    any_instance_id: "n",
    any_access_key_id: "k",
    any_account_id: ACCOUNT_IDS,
    source_key: q(sourceKey),
    source_ordinal: "CASE WHEN unusable THEN error('record ' || o || ' needs the record-by-record path') ELSE o END",
  };
}

/**
 * COPY statement writing the bulk NDJSON file `input` as the `cloudtrail` table under `outDir`,
 * Hive-partitioned by event date and hour, one `<stem>_0.parquet` per partition (the names the
 * record-by-record writer gives). When TypeScript saw one hour in every record's text
 * (`bulk.hour`, most 5-minute CloudTrail files), it writes that one file directly — cheaper than
 * `PARTITION_BY` — and a row outside that hour fails the COPY like any other refusal.
 */
export function cloudTrailBulkCopy(
  bulk: Pick<CloudTrailBulk, "sourceKey" | "hour">,
  input: string,
  outDir: string,
  stem: string,
): string {
  const exprs = columnExpressions(bulk.sourceKey);
  const select = TABLES.cloudtrail.columns.map((c) => {
    const e = exprs[c.name];
    if (!e) throw new Error(`no bulk expression for cloudtrail.${c.name}`);
    return `CAST(${e} AS ${duckDbType(c.type)}) AS ${c.name}`;
  });
  const unusable = [
    "r IS NULL",
    "coalesce(r.eventName, '') = ''",
    "coalesce(r.eventSource, '') = ''",
    "t_event IS NULL",
    `(${ATTRS}.creationDate IS NOT NULL AND t_created IS NULL)`,
    // One partition announced: every row must be in it.
    ...(bulk.hour ? [`date_trunc('hour', t_event) <> TIMESTAMP ${q(`${bulk.hour.replace("T", " ")}:00:00`)}`] : []),
  ].join(" OR ");
  const columns = `{o: 'BIGINT', i: 'VARCHAR[]', a: 'VARCHAR[]', n: 'VARCHAR[]', k: 'VARCHAR[]', c: 'VARCHAR[]', r: ${q(RECORD)}}`;
  const target = bulk.hour
    ? `${q(path.join(hourPartitionDir(outDir, bulk.hour), `${stem}_0.parquet`))} (${PARQUET_ZSTD})`
    : `${q(outDir)} (${PARQUET_ZSTD}, PARTITION_BY (dt, hr), FILENAME_PATTERN ${q(`${stem}_{i}`)})`;
  return `COPY (
    SELECT ${select.join(",\n      ")}${bulk.hour ? "" : `,\n      strftime(t_event, '%Y-%m-%d') AS dt, strftime(t_event, '%H') AS hr`}
    FROM (
      SELECT *, ${unusable} AS unusable
      FROM (
        SELECT *, ${isoTime("r.eventTime")} AS t_event, ${isoTime(`${ATTRS}.creationDate`)} AS t_created
        FROM read_json(${q(input)}, format = 'newline_delimited', columns = ${columns}, maximum_object_size = 33554432)
      )
    )
  ) TO ${target}`;
}
