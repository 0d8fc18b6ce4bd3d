import { type TrailFixture, trailRecord } from "../../fixtures";
import type { CloudTrailRecord } from "../../rule";
import type { TrailEvent } from "../../trail-event";

/** The AWS managed policy that grants every action on every resource. */
export const ADMIN_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const parse = (text: string): Obj | null => {
  try {
    const o: unknown = JSON.parse(text);
    return isObj(o) ? o : null;
  } catch {
    return null;
  }
};

/**
 * A policy document as CloudTrail records it: JSON text (sometimes still URL-encoded, as the IAM
 * query API receives it) or, rarely, an object.
 */
export function policyDocument(v: unknown): Obj | null {
  if (isObj(v)) return v;
  if (typeof v !== "string" || v === "") return null;
  const direct = parse(v);
  if (direct) return direct;
  try {
    return parse(decodeURIComponent(v.replace(/\+/g, " ")));
  } catch {
    return null;
  }
}

/** The document's statements (a single statement object counts as a list of one). */
export function statements(doc: Obj | null): Obj[] {
  const st = doc?.Statement;
  const list = Array.isArray(st) ? st : st ? [st] : [];
  return list.filter(isObj);
}

/** A string-or-list policy element as a list. */
export const listOf = (v: unknown): string[] =>
  typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

const isWildcardAction = (a: string) => a === "*" || a === "*:*";

/** A statement that allows every action on every resource: full administrator access. */
export function grantsEverything(v: unknown): boolean {
  return statements(policyDocument(v)).some(
    (s) => s.Effect === "Allow" && listOf(s.Action).some(isWildcardAction) && listOf(s.Resource).some((r) => r === "*"),
  );
}

/** The named request parameter is another IAM user than the caller (the caller's own name is allowed). */
export const forAnotherUser = (e: TrailEvent): boolean => {
  const target = e.param("userName");
  return target !== "" && target !== e.userName;
};

/** The account the event was recorded in (the caller's account when the record lacks it). */
export const ownAccount = (e: TrailEvent): string => String(e.row.recipient_account_id ?? e.row.user_account_id ?? "");

/** A fixture of one call to a service (`source` is the service's host prefix, e.g. "iam"). */
export const call =
  (source: string) =>
  (
    eventName: string,
    requestParameters: Obj | null,
    extra: Omit<TrailFixture, "eventSource" | "eventName" | "requestParameters"> = {},
  ): CloudTrailRecord =>
    trailRecord({ eventSource: `${source}.amazonaws.com`, eventName, requestParameters, ...extra });

/** A policy document allowing `action` on `resource`, as IAM stores it (JSON text). */
export const policyText = (action: string | string[], resource: string | string[] = "*", effect = "Allow") =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: effect, Action: action, Resource: resource }] });
