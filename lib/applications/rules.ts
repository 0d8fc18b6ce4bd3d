import type { ApplicationInput, Check } from "@/lib/schemas/applications";

/**
 * The application-review validators. Each returns every rule that flagged, with a message a
 * reviewer can act on; a validator that cannot reach what it needs throws `ValidatorUnavailable`
 * (the workflow retries that with backoff).
 */
export class ValidatorUnavailable extends Error {
  override name = "ValidatorUnavailable";
}

/** A sanctions-style screening list. */
export interface Denylist {
  entries(): Promise<readonly string[]>;
}

/** Letters (any script), spaces, apostrophes, hyphens and periods; nothing else belongs in a person's name. */
const NAME_CHARS = /^[\p{L}\p{M}' .-]+$/u;

export const normalizeName = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** Token-set match: every token of the listed name appears in the applicant's name (order-free). */
function denylistMatch(name: string, list: readonly string[]): string | null {
  const tokens = new Set(normalizeName(name).split(" "));
  for (const entry of list) {
    const want = normalizeName(entry).split(" ").filter(Boolean);
    if (want.length > 0 && want.every((t) => tokens.has(t))) return entry;
  }
  return null;
}

export async function validateName(app: Pick<ApplicationInput, "name">, denylist: Denylist): Promise<Check> {
  const rules: Check["rules"] = [];
  const name = app.name.trim();
  if (name.length < 2 || name.length > 100)
    rules.push({ rule: "name.length", message: `Name is ${name.length} characters; 2–100 expected.` });
  if (!NAME_CHARS.test(name)) rules.push({ rule: "name.characters", message: "Name contains digits or symbols." });
  if (name.split(/\s+/).length < 2)
    rules.push({ rule: "name.single-word", message: "Only one name given; a full name has at least two parts." });
  const hit = denylistMatch(name, await denylist.entries());
  if (hit) rules.push({ rule: "name.denylist", message: `Name matches the screening list entry "${hit}".` });
  return { check: "name", flagged: rules.length > 0, rules };
}

/** Postcode formats for the countries we check closely; others only need 2–10 letters/digits. */
const POSTCODE: Record<string, RegExp> = {
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
  US: /^\d{5}(-\d{4})?$/,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  NL: /^\d{4} ?[A-Z]{2}$/i,
  IE: /^[A-Z]\d{2} ?[A-Z\d]{4}$/i,
  CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i,
  IN: /^\d{6}$/,
};
/** Countries an application cannot be accepted from without review. */
const REVIEW_COUNTRIES = new Set(["KP", "IR", "SY", "CU"]);
const PO_BOX = /\b(p\.?\s*o\.?\s*box|post office box)\b/i;

export async function validateAddress(app: Pick<ApplicationInput, "address">): Promise<Check> {
  const rules: Check["rules"] = [];
  const a = app.address;
  const country = a.country.toUpperCase();
  if (!/^[A-Z]{2}$/.test(country))
    rules.push({ rule: "address.country", message: `"${a.country}" is not a two-letter country code.` });
  const format = POSTCODE[country];
  if (format ? !format.test(a.postcode.trim()) : !/^[A-Z\d -]{2,10}$/i.test(a.postcode.trim()))
    rules.push({
      rule: "address.postcode",
      message: `Postcode "${a.postcode}" does not fit ${format ? country : "any"} format.`,
    });
  if (!/\d/.test(a.line1) && !/\d/.test(a.line2 ?? ""))
    rules.push({ rule: "address.number", message: "No house or building number." });
  if (PO_BOX.test(`${a.line1} ${a.line2 ?? ""}`))
    rules.push({ rule: "address.po-box", message: "A PO box is not a residential address." });
  if (REVIEW_COUNTRIES.has(country))
    rules.push({ rule: "address.restricted-country", message: `Applications from ${country} need review.` });
  return { check: "address", flagged: rules.length > 0, rules };
}

/** The default screening list (demo data; a deployment points this at its own list). */
export const DEMO_DENYLIST: Denylist = {
  entries: async () => ["Ivan Petrovich Sidorov", "Mallory Blacklisted", "Darth Vader", "Evil Corp"],
};
