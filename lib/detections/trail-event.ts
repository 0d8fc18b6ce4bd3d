import type { LakeRow } from "@/lib/lake/tables";

const parseObject = (v: unknown): Record<string, unknown> | null => {
  if (typeof v !== "string") return null;
  try {
    const o = JSON.parse(v);
    return typeof o === "object" && o !== null && !Array.isArray(o) ? o : null;
  } catch {
    return null;
  }
};

/**
 * A normalized CloudTrail row as rules read it: the typed columns, and the JSON text columns parsed
 * once, on first use (most rows are looked at by name only).
 */
export class TrailEvent {
  private cache = new Map<string, Record<string, unknown> | null>();
  constructor(readonly row: LakeRow) {}

  get name(): string {
    return String(this.row.event_name ?? "");
  }
  get source(): string {
    return String(this.row.event_source ?? "");
  }
  /** The call succeeded (CloudTrail recorded no error code). */
  get ok(): boolean {
    return this.row.error_code === null || this.row.error_code === undefined;
  }
  get errorCode(): string | null {
    return (this.row.error_code as string | null) ?? null;
  }
  get userType(): string | null {
    return (this.row.user_type as string | null) ?? null;
  }
  get userName(): string | null {
    return (this.row.user_name as string | null) ?? null;
  }
  /** Who acted: the ARN when CloudTrail has one, else the user name. */
  get actor(): string {
    return String(this.row.user_arn ?? this.row.user_name ?? this.row.principal_id ?? "unknown");
  }
  get sourceIp(): string | null {
    return (this.row.source_ip_address as string | null) ?? null;
  }
  get userAgent(): string | null {
    return (this.row.user_agent as string | null) ?? null;
  }
  get req(): Record<string, unknown> | null {
    return this.parsed("request_parameters");
  }
  get resp(): Record<string, unknown> | null {
    return this.parsed("response_elements");
  }
  get extra(): Record<string, unknown> | null {
    return this.parsed("additional_event_data");
  }
  /** A request parameter as text ("" when absent or not a string). */
  param(name: string): string {
    const v = this.req?.[name];
    return typeof v === "string" ? v : "";
  }

  private parsed(column: string): Record<string, unknown> | null {
    if (!this.cache.has(column)) this.cache.set(column, parseObject(this.row[column]));
    return this.cache.get(column) ?? null;
  }
}
