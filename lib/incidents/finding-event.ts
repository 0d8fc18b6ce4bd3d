import { guardDutySeverity } from "@/lib/lake/severity";

/** The EventBridge event GuardDuty emits (`detail-type: GuardDuty Finding`); the local dispatcher builds the same. */
export interface FindingEvent {
  "detail-type": string;
  source: string;
  account?: string;
  region?: string;
  time?: string;
  detail: Record<string, unknown>;
}

export interface FindingFacts {
  findingId: string;
  type: string;
  title: string;
  description: string;
  severityVendor: number;
  severity: number;
  accountId: string | null;
  region: string | null;
  updatedAt: string | null;
  resourceType: "Instance" | "AccessKey" | "Other";
  resourceId: string | null;
  instanceId: string | null;
  accessKey: { accessKeyId: string; userName: string; userType: string } | null;
}

const str = (v: unknown) => (typeof v === "string" ? v : v == null ? null : String(v));
const obj = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});

/** The fields incident response needs from a GuardDuty finding (camelCase, as in events and exports). */
export function findingFacts(detail: Record<string, unknown>): FindingFacts {
  const resource = obj(detail.resource);
  const inst = obj(resource.instanceDetails);
  const key = obj(resource.accessKeyDetails);
  const rt = str(resource.resourceType);
  const resourceType = rt === "Instance" ? "Instance" : rt === "AccessKey" ? "AccessKey" : "Other";
  const score = Number(detail.severity ?? 0);
  const instanceId = str(inst.instanceId);
  const accessKey =
    resourceType === "AccessKey"
      ? {
          accessKeyId: str(key.accessKeyId) ?? "",
          userName: str(key.userName) ?? "",
          userType: str(key.userType) ?? "",
        }
      : null;
  return {
    findingId: str(detail.id) ?? "",
    type: str(detail.type) ?? "unknown",
    title: str(detail.title) ?? str(detail.type) ?? "GuardDuty finding",
    description: str(detail.description) ?? "",
    severityVendor: score,
    severity: guardDutySeverity(score),
    accountId: str(detail.accountId),
    region: str(detail.region),
    updatedAt: str(detail.updatedAt),
    resourceType,
    resourceId:
      resourceType === "Instance" ? instanceId : resourceType === "AccessKey" ? (accessKey?.accessKeyId ?? null) : null,
    instanceId,
    accessKey,
  };
}

/** Root credentials are never acted on automatically (AWS's own guidance: a human handles root). */
export const isRootKey = (f: FindingFacts) =>
  f.accessKey !== null && (f.accessKey.userType === "Root" || f.accessKey.userName === "Root");
