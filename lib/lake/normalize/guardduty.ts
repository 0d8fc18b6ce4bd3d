import { IndicatorSet } from "../indicators";
import { guardDutySeverity, SEVERITY_LABELS } from "../severity";
import type { LakeRow } from "../tables";
import { bool, isObj, type Json, jsonText, type Sink, sample, str, toMillis } from "./types";

const get = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((cur, k) => (isObj(cur) ? cur[k] : undefined), o);

/** The remote IP of whichever action GuardDuty reports. */
function remoteOf(action: unknown): { ip: string | null; country: string | null } {
  for (const k of [
    "networkConnectionAction",
    "awsApiCallAction",
    "portProbeAction",
    "kubernetesApiCallAction",
    "rdsLoginAttemptAction",
  ]) {
    const a = get(action, k);
    if (!isObj(a)) continue;
    const details = Array.isArray(a.portProbeDetails) ? a.portProbeDetails[0] : a;
    const remote = get(details, "remoteIpDetails") ?? get(a, "remoteIpDetails");
    const ip = str(get(remote, "ipAddressV4")) ?? str(get(remote, "ipAddressV6"));
    if (ip) return { ip, country: str(get(remote, "country", "countryName")) };
  }
  return { ip: null, country: null };
}

function resourceIdOf(resource: Json): string | null {
  return (
    str(get(resource, "instanceDetails", "instanceId")) ??
    str(get(resource, "accessKeyDetails", "accessKeyId")) ??
    (Array.isArray(resource.s3BucketDetails) ? str(get(resource.s3BucketDetails[0], "name")) : null) ??
    str(get(resource, "eksClusterDetails", "name")) ??
    str(get(resource, "ecsClusterDetails", "name")) ??
    str(get(resource, "lambdaDetails", "functionName"))
  );
}

/** A GuardDuty finding (export JSON, camelCase; or EventBridge `detail`) → a `guardduty` row. */
export function normalizeGuardDutyFinding(input: unknown, sourceKey: string, ordinal: number): LakeRow {
  const f = isObj(input) && input["detail-type"] === "GuardDuty Finding" && isObj(input.detail) ? input.detail : input;
  if (!isObj(f)) throw new Error("finding is not an object");
  const id = str(f.id);
  const type = str(f.type);
  const severity = typeof f.severity === "number" ? f.severity : Number(f.severity);
  const updatedAt = toMillis(f.updatedAt) ?? toMillis(f.createdAt);
  if (!id || !type) throw new Error("finding id or type missing");
  if (!Number.isFinite(severity)) throw new Error("severity missing or not a number");
  if (updatedAt === null) throw new Error("updatedAt/createdAt missing");
  const service: Json = isObj(f.service) ? f.service : {};
  const resource: Json = isObj(f.resource) ? f.resource : {};
  const sev = guardDutySeverity(severity);
  const remote = remoteOf(service.action);
  const ind = new IndicatorSet().scan(resource).scan(service.action).account_id(f.accountId);
  if (remote.ip) ind.scanString(remote.ip);
  return {
    finding_id: id,
    finding_type: type,
    title: str(f.title),
    description: str(f.description),
    severity_vendor: severity,
    severity: sev,
    severity_label: SEVERITY_LABELS[sev],
    account_id: str(f.accountId),
    region: str(f.region),
    aws_partition: str(f.partition),
    resource_type: str(resource.resourceType),
    resource_id: resourceIdOf(resource),
    created_at: toMillis(f.createdAt),
    updated_at: updatedAt,
    first_seen: toMillis(service.eventFirstSeen) ?? toMillis(f.createdAt),
    last_seen: toMillis(service.eventLastSeen) ?? updatedAt,
    event_count: typeof service.count === "number" ? service.count : 1,
    archived: bool(service.archived) ?? false,
    action_type: str(get(service, "action", "actionType")),
    remote_ip: remote.ip,
    remote_country: remote.country,
    service: jsonText(f.service),
    resource: jsonText(f.resource),
    ...ind.toColumns(),
    source_key: sourceKey,
    source_ordinal: ordinal,
  };
}

/** GuardDuty observations also appear in the unified `findings` table. */
export function guardDutyToFinding(row: LakeRow): LakeRow {
  const v = (k: string) => row[k] ?? null;
  return {
    finding_id: v("finding_id"),
    origin: "guardduty",
    finding_type: v("finding_type"),
    title: v("title"),
    description: v("description"),
    explanation: null,
    severity_vendor: v("severity_vendor"),
    severity: v("severity"),
    severity_label: v("severity_label"),
    account_id: v("account_id"),
    region: v("region"),
    resource_type: v("resource_type"),
    resource_id: v("resource_id"),
    principal: null,
    first_seen: v("first_seen"),
    last_seen: v("last_seen"),
    updated_at: v("updated_at"),
    event_count: v("event_count"),
    matched_event_ids: [],
    // Both parts are already JSON text: splice them rather than parse and re-serialize.
    detail: `{"service":${row.service ?? "null"},"resource":${row.resource ?? "null"}}`,
    any_ip: v("any_ip"),
    any_arn: v("any_arn"),
    any_instance_id: v("any_instance_id"),
    any_access_key_id: v("any_access_key_id"),
    any_account_id: v("any_account_id"),
    source_key: v("source_key"),
    source_ordinal: v("source_ordinal"),
  };
}

export function normalizeGuardDutyFindings(findings: Iterable<[string, unknown]>, sourceKey: string, sink: Sink): void {
  let ordinal = 0;
  for (const [position, f] of findings) {
    try {
      const row = normalizeGuardDutyFinding(f, sourceKey, ordinal);
      sink.row("guardduty", row);
      sink.row("findings", guardDutyToFinding(row));
    } catch (err) {
      sink.quarantine(position, (err as Error).message, sample(f));
    }
    ordinal++;
  }
}
