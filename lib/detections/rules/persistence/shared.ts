import type { TrailEvent } from "../../trail-event";
import { listOf, ownAccount, policyDocument, statements } from "../privilege-escalation/shared";

type Obj = Record<string, unknown>;

/** Condition keys that keep a "*" principal inside one's own organization or account. */
const SCOPING_KEYS = ["aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount"];

const scopedByCondition = (s: Obj): boolean => {
  const cond = s.Condition;
  if (typeof cond !== "object" || cond === null) return false;
  return Object.values(cond as Obj).some(
    (block) =>
      typeof block === "object" &&
      block !== null &&
      Object.keys(block as Obj).some((k) => SCOPING_KEYS.includes(k.toLowerCase())),
  );
};

/** The AWS principals a statement names ("*" for anyone). */
const awsPrincipals = (s: Obj): string[] => {
  const p = s.Principal;
  if (p === "*") return ["*"];
  if (typeof p !== "object" || p === null) return [];
  return listOf((p as Obj).AWS);
};

/** The 12-digit account of an account id or IAM ARN ("" for anything else, e.g. a unique id). */
const accountOf = (principal: string): string =>
  principal.match(/^(?:arn:aws[\w-]*:(?:iam|sts)::)?(\d{12})(?::|$)/)?.[1] ?? "";

/**
 * Who outside the account a role trust policy lets assume the role: "*" (anyone, when no
 * condition keeps it to the organization) and the ARNs or ids of principals in other accounts.
 */
export function outsideTrust(doc: unknown, account: string): string[] {
  const out: string[] = [];
  for (const s of statements(policyDocument(doc))) {
    if (s.Effect !== "Allow") continue;
    for (const p of awsPrincipals(s)) {
      if (p === "*") {
        if (!scopedByCondition(s)) out.push(p);
      } else {
        const acct = accountOf(p);
        if (acct !== "" && acct !== account) out.push(p);
      }
    }
  }
  return out;
}

/** The trust policy parameter of the event lets someone outside the account assume the role. */
export const trustsOutside = (e: TrailEvent, param: string): boolean =>
  outsideTrust(e.req?.[param], ownAccount(e)).length > 0;

/** A role trust policy letting `principal` (an AWS principal, or "*") assume the role. */
export const trustPolicy = (principal: string, condition?: Obj) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: principal === "*" ? "*" : { AWS: principal },
        Action: "sts:AssumeRole",
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  });

/** A role trust policy for an AWS service (the everyday case). */
export const serviceTrust = (service: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  });
