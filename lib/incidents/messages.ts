import { fingerprintOf } from "@/lib/notify/notify";
import type { Message } from "@/lib/notify/render";
import type { FindingFacts } from "./finding-event";
import type { IncidentRow } from "./incident-store";

/** A new (or newly more severe) finding. Repeats of the same finding id in the same severity keep its fingerprint. */
export function findingMessage(f: FindingFacts): { message: Message; fingerprint: string } {
  return {
    message: {
      kind: "finding",
      subject: f.findingId,
      title: f.title,
      severity: f.severity,
      lines: f.description ? [f.description] : [],
      fields: [
        { label: "Type", value: f.type },
        { label: "Severity", value: String(f.severityVendor) },
        ...(f.accountId ? [{ label: "Account", value: f.accountId }] : []),
        ...(f.region ? [{ label: "Region", value: f.region }] : []),
        ...(f.resourceId ? [{ label: "Resource", value: f.resourceId }] : []),
      ],
      link: `/findings/${encodeURIComponent(f.findingId)}`,
    },
    fingerprint: fingerprintOf(["finding", f.findingId, f.severity]),
  };
}

const STAGE_TEXT: Record<string, string> = {
  approval_requested: "Approval requested",
  contained: "Contained",
  rejected: "Containment rejected",
  expired: "Approval expired",
  notified: "No automatic action",
  failed: "Containment FAILED",
  released: "Released from quarantine",
  release_rejected: "Release rejected",
};

/** One message per incident stage (fingerprint: incident + stage, so a retried step does not notify twice). */
export function incidentMessage(
  i: IncidentRow,
  stage: string,
  lines: string[],
): { message: Message; fingerprint: string } {
  return {
    message: {
      kind: "incident",
      subject: i.id,
      title: `${STAGE_TEXT[stage] ?? stage}: ${i.title}`,
      severity: i.severity,
      lines,
      fields: [
        { label: "Incident", value: i.id },
        { label: "Finding type", value: i.finding_type },
        ...(i.resource_id ? [{ label: "Resource", value: i.resource_id }] : []),
        ...(i.simulated ? [{ label: "Estate", value: "simulated (local backend)" }] : []),
      ],
      link: `/incidents/${encodeURIComponent(i.id)}`,
    },
    fingerprint: fingerprintOf(["incident", i.id, stage]),
  };
}
