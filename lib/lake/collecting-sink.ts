import { detect } from "./detections";
import { type Sink, sample } from "./normalize/types";
import type { LakeRow, TableName } from "./tables";

export interface QuarantinedRecord {
  source_key: string;
  position: string;
  reason: string;
  sample: string;
}

/** Collects an object's rows per table, its quarantine and skips; adds detection findings at the end. */
export class CollectingSink implements Sink {
  readonly tables = new Map<TableName, LakeRow[]>();
  readonly quarantined: QuarantinedRecord[] = [];
  readonly skipped = new Map<string, number>();
  constructor(private readonly key: string) {}

  row(table: TableName, row: LakeRow): void {
    const list = this.tables.get(table);
    if (list) list.push(row);
    else this.tables.set(table, [row]);
  }
  quarantine(position: string, reason: string, s: unknown): void {
    this.quarantined.push({ source_key: this.key, position, reason, sample: sample(s) });
  }
  skip(reason: string, count = 1): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + count);
  }
  /** Runs the built-in detections over this object's CloudTrail rows. */
  finish(): this {
    const ct = this.tables.get("cloudtrail");
    if (ct?.length) for (const f of detect(ct)) this.row("findings", f);
    return this;
  }
}
