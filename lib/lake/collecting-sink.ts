import { type DetectionTuning, NO_TUNING } from "@/lib/detections/tuning";
import { detect, detectFlows } from "./detections";
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
  constructor(
    private readonly key: string,
    private readonly tuning: DetectionTuning = NO_TUNING,
  ) {}

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
  /** Runs the per-event detections over this object's CloudTrail and VPC Flow rows. */
  finish(): this {
    const ct = this.tables.get("cloudtrail");
    if (ct?.length) for (const f of detect(ct, this.tuning)) this.row("findings", f);
    const flows = this.tables.get("vpcflow");
    if (flows?.length) for (const f of detectFlows(flows, this.tuning)) this.row("findings", f);
    return this;
  }
}
