/**
 * Helpers for the exposure, exfiltration and impact rules: reading CloudTrail's request shapes
 * (XML bodies turned into JSON, where one item is an object and several an array), account ids in
 * ARNs, and resource policies (given as JSON objects or as JSON text).
 */
import type { TrailEvent } from "../../trail-event";

export type Json = Record<string, unknown>;

export const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** An object, or an empty one. */
export const obj = (v: unknown): Json => (isObj(v) ? v : {});

/** One item or many, as a list (CloudTrail writes a single XML element as an object). */
export const list = (v: unknown): unknown[] => {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
};

/** The objects among one item or many. */
export const objects = (v: unknown): Json[] => list(v).filter(isObj);

/** A number given as a number or as digits; NaN otherwise. */
export const num = (v: unknown): number => {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return Number.NaN;
};

/** A boolean flag as CloudTrail writes it (a JSON boolean, sometimes the text "true"/"false"). */
export const flag = (v: unknown): boolean | null => {
  if (v === true || v === "true") return true;
  if (v === false || v === "false") return false;
  return null;
};

/** Text values of one item or many (an S3 header is often logged as a one-item list). */
export const texts = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === "string");

/** The 12-digit account id of an ARN, or of a bare account id; null for anything else. */
export function accountOf(value: string): string | null {
  const m = /^arn:aws[\w-]*:[^:]*:[^:]*:(\d{12}):/.exec(value) ?? /^(\d{12})$/.exec(value.trim());
  return m?.[1] ?? null;
}

/** The account the call was made in, i.e. the one owning the resource. */
export const homeAccount = (e: TrailEvent): string => String(e.row.recipient_account_id ?? e.row.user_account_id ?? "");

/** An account id that is not the account the call was made in. */
export const isForeign = (e: TrailEvent, account: string | null): account is string =>
  account !== null && account !== homeAccount(e);

/** A resource policy given as a JSON object or as JSON text; null when it is neither. */
export function policyOf(v: unknown): Json | null {
  if (isObj(v)) return v;
  if (typeof v !== "string") return null;
  try {
    const parsed: unknown = JSON.parse(v);
    return isObj(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The Allow statements of a policy. */
const allowStatements = (policy: Json | null): Json[] => objects(policy?.Statement).filter((s) => s.Effect === "Allow");

/** The principals a statement names, as text ("*" for a bare wildcard). */
function principalsOf(statement: Json): string[] {
  const p = statement.Principal;
  if (p === "*") return ["*"];
  return Object.values(obj(p)).flatMap(texts);
}

/**
 * Condition keys that do not narrow who may make the request: transport, time and client headers
 * the caller chooses. A wildcard principal with only these conditions is still everyone.
 */
const NON_NARROWING_KEYS = new Set([
  "aws:securetransport",
  "aws:currenttime",
  "aws:epochtime",
  "aws:useragent",
  "aws:referer",
]);

const conditionIsOpen = (condition: unknown): boolean =>
  Object.values(obj(condition)).every((test) =>
    Object.keys(obj(test)).every((k) => NON_NARROWING_KEYS.has(k.toLowerCase())),
  );

/** True when an Allow statement lets any principal in (wildcard principal, nothing narrowing who). */
export const allowsEveryone = (policy: Json | null): boolean =>
  allowStatements(policy).some((s) => principalsOf(s).includes("*") && conditionIsOpen(s.Condition));

/** Accounts other than the home account that Allow statements name as principals. */
export const foreignPrincipalAccounts = (e: TrailEvent, policy: Json | null): string[] => [
  ...new Set(
    allowStatements(policy)
      .flatMap(principalsOf)
      .map(accountOf)
      .filter((a): a is string => isForeign(e, a)),
  ),
];

const BLOCK_FLAGS = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];

/**
 * True when a Block Public Access call leaves a protection off: a delete, or a put whose
 * configuration has a flag that is not true (S3 treats an omitted flag as false).
 */
export function publicAccessBlockLowered(e: TrailEvent): boolean {
  if (e.name.startsWith("Delete")) return true;
  const config = e.req?.PublicAccessBlockConfiguration;
  return isObj(config) && BLOCK_FLAGS.some((k) => flag(config[k]) !== true);
}

/** An S3 Block Public Access configuration as CloudTrail records it. */
export const blockConfig = (value: boolean, xmlns: string) => ({
  xmlns,
  BlockPublicAcls: value,
  IgnorePublicAcls: value,
  BlockPublicPolicy: value,
  RestrictPublicBuckets: value,
});

/** The entries an EC2 Modify*Attribute call adds to a permission list (`createVolumePermission`, `launchPermission`). */
export const addedPermissions = (e: TrailEvent, attribute: string): Json[] =>
  objects(obj(obj(e.req?.[attribute]).add).items);

/** True when the call adds the "all" group: the resource becomes public. */
export const addsGroupAll = (e: TrailEvent, attribute: string): boolean =>
  addedPermissions(e, attribute).some((p) => p.group === "all");

/** Accounts, other than this one, that the call adds to a permission list. */
export const addedForeignAccounts = (e: TrailEvent, attribute: string): string[] =>
  addedPermissions(e, attribute)
    .map((p) => p.userId)
    .filter((a): a is string => typeof a === "string" && isForeign(e, a));

/** The values a Modify DB (cluster) snapshot attribute call adds to the "restore" attribute. */
export const restoreValuesAdded = (e: TrailEvent): string[] =>
  e.param("attributeName") === "restore" ? texts(e.req?.valuesToAdd) : [];

/** The snapshot a Modify DB (cluster) snapshot attribute call is about. */
export const dbSnapshotOf = (e: TrailEvent) =>
  e.param("dBClusterSnapshotIdentifier")
    ? { type: "AwsRdsDbClusterSnapshot", id: e.param("dBClusterSnapshotIdentifier") }
    : { type: "AwsRdsDbSnapshot", id: e.param("dBSnapshotIdentifier") || null };
