import type { TableName } from "@/lib/schemas/lake";

/**
 * The lake's tables: one definition drives the Parquet writer (DuckDB types), the Glue
 * table definitions (Hive types) and the tests that compare the two.
 */
export type ColumnType = "string" | "json" | "int" | "bigint" | "double" | "boolean" | "timestamp" | "string[]";
export interface Column {
  name: string;
  type: ColumnType;
}

export type { TableName };

const s = (name: string): Column => ({ name, type: "string" });
const j = (name: string): Column => ({ name, type: "json" });
const ts = (name: string): Column => ({ name, type: "timestamp" });
const int = (name: string): Column => ({ name, type: "int" });
const big = (name: string): Column => ({ name, type: "bigint" });
const bool = (name: string): Column => ({ name, type: "boolean" });
const dbl = (name: string): Column => ({ name, type: "double" });
const arr = (name: string): Column => ({ name, type: "string[]" });

/** Every row carries these: entity pivots and provenance. */
const COMMON_TAIL: Column[] = [
  arr("any_ip"),
  arr("any_arn"),
  arr("any_instance_id"),
  arr("any_access_key_id"),
  arr("any_account_id"),
  s("source_key"),
  big("source_ordinal"),
];

export const TABLES: Record<TableName, { columns: Column[]; timeColumn: string }> = {
  cloudtrail: {
    timeColumn: "event_time",
    columns: [
      s("event_id"),
      ts("event_time"),
      s("event_version"),
      s("event_source"),
      s("event_name"),
      s("event_type"),
      s("event_category"),
      s("aws_region"),
      s("source_ip_address"),
      bool("source_ip_is_service"),
      s("user_agent"),
      s("error_code"),
      s("error_message"),
      bool("read_only"),
      bool("management_event"),
      s("recipient_account_id"),
      s("shared_event_id"),
      s("vpc_endpoint_id"),
      s("request_id"),
      s("user_type"),
      s("principal_id"),
      s("user_arn"),
      s("user_account_id"),
      s("access_key_id"),
      s("user_name"),
      s("session_issuer_type"),
      s("session_issuer_arn"),
      s("session_issuer_user_name"),
      bool("mfa_authenticated"),
      ts("session_created_at"),
      s("invoked_by"),
      j("request_parameters"),
      j("response_elements"),
      j("additional_event_data"),
      j("resources"),
      j("service_event_details"),
      ...COMMON_TAIL,
    ],
  },
  guardduty: {
    timeColumn: "updated_at",
    columns: [
      s("finding_id"),
      s("finding_type"),
      s("title"),
      s("description"),
      dbl("severity_vendor"),
      int("severity"),
      s("severity_label"),
      s("account_id"),
      s("region"),
      s("aws_partition"),
      s("resource_type"),
      s("resource_id"),
      ts("created_at"),
      ts("updated_at"),
      ts("first_seen"),
      ts("last_seen"),
      big("event_count"),
      bool("archived"),
      s("action_type"),
      s("remote_ip"),
      s("remote_country"),
      j("service"),
      j("resource"),
      ...COMMON_TAIL,
    ],
  },
  vpcflow: {
    timeColumn: "start_time",
    columns: [
      int("version"),
      s("account_id"),
      s("interface_id"),
      s("srcaddr"),
      s("dstaddr"),
      int("srcport"),
      int("dstport"),
      int("protocol"),
      big("packets"),
      big("bytes"),
      ts("start_time"),
      ts("end_time"),
      s("action"),
      s("log_status"),
      s("vpc_id"),
      s("subnet_id"),
      s("instance_id"),
      int("tcp_flags"),
      s("type"),
      s("pkt_srcaddr"),
      s("pkt_dstaddr"),
      s("region"),
      s("az_id"),
      s("sublocation_type"),
      s("sublocation_id"),
      s("pkt_src_aws_service"),
      s("pkt_dst_aws_service"),
      s("flow_direction"),
      int("traffic_path"),
      ...COMMON_TAIL,
    ],
  },
  cwlogs: {
    timeColumn: "event_time",
    columns: [
      s("log_group"),
      s("log_stream"),
      s("event_id"),
      ts("event_time"),
      s("message"),
      s("owner_account_id"),
      arr("subscription_filters"),
      ...COMMON_TAIL,
    ],
  },
  findings: {
    timeColumn: "updated_at",
    columns: [
      s("finding_id"),
      s("origin"),
      s("finding_type"),
      s("title"),
      s("description"),
      s("explanation"),
      dbl("severity_vendor"),
      int("severity"),
      s("severity_label"),
      s("account_id"),
      s("region"),
      s("resource_type"),
      s("resource_id"),
      s("principal"),
      ts("first_seen"),
      ts("last_seen"),
      ts("updated_at"),
      big("event_count"),
      arr("matched_event_ids"),
      j("detail"),
      ...COMMON_TAIL,
    ],
  },
};

/** Hive-style partition keys under each table: event date and hour (UTC). */
export const PARTITION_KEYS = [
  { name: "dt", type: "string" },
  { name: "hr", type: "string" },
] as const;

export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** A normalized row: column name → value (timestamps as epoch ms, JSON parts as text). */
export type LakeRow = Record<string, string | number | boolean | null | string[]>;
