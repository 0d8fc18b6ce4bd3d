import type { z } from "zod";

type Issue = z.core.$ZodIssue;

/** Words people read in capitals inside a field's name. */
const SHOUTED = new Set(["id", "ip", "arn", "url", "mfa", "aws", "iam", "api", "sql", "csv"]);

/**
 * The name people know a field by, from its code name: `findingType` → "Finding type",
 * `accountId` → "Account ID", `steps.2.event` → "Event (item 3)". An empty path is the whole request.
 */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const named = path.filter((p) => typeof p === "string") as string[];
  const last = named.at(-1);
  if (!last) return "The request";
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .split(" ")
    .filter(Boolean)
    .map((w) => (SHOUTED.has(w) ? w.toUpperCase() : w));
  const text = words.join(" ");
  const label = text.charAt(0).toUpperCase() + text.slice(1);
  const index = path.findLast((p) => typeof p === "number");
  return typeof index === "number" ? `${label} (item ${index + 1})` : label;
}

/** zod's own wording starts like this; a schema's own message never does (ours are sentences or phrases). */
const ZOD_WORDING = /^(Too small|Too big|Invalid|Unrecognized key|Expected|Required)/;

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "yes or no",
  array: "a list",
  object: "a set of fields",
  date: "a date",
};

const sizeUnit = (origin: string, n: number | bigint): string => {
  if (origin === "string") return `${n} character${n === 1 ? "" : "s"}`;
  if (origin === "array" || origin === "set") return `${n} item${n === 1 ? "" : "s"}`;
  return String(n);
};

const quoteAll = (values: readonly unknown[]) => values.map((v) => `“${String(v)}”`).join(", ");

/** A sentence for an issue zod worded itself, about the field people know by `label`. */
function sentenceFor(issue: Issue, label: string): string {
  switch (issue.code) {
    case "invalid_type":
      if (/received undefined$/.test(issue.message)) return `${label} is required`;
      return `${label} must be ${TYPE_WORDS[issue.expected] ?? "of another kind"}`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return `${label} is required`;
      if (issue.origin === "array" || issue.origin === "set") {
        return `Choose at least ${sizeUnit(issue.origin, issue.minimum)} for ${label.toLowerCase()}`;
      }
      return `${label} must be ${issue.inclusive === false ? "more than" : "at least"} ${sizeUnit(issue.origin, issue.minimum)}`;
    case "too_big":
      return `${label} must be ${issue.inclusive === false ? "less than" : "at most"} ${sizeUnit(issue.origin, issue.maximum)}`;
    case "invalid_value":
      return issue.values.length <= 8
        ? `${label} must be one of ${quoteAll(issue.values)}`
        : `${label} is not one of the allowed values`;
    case "invalid_format":
      if (issue.format === "email") return `${label} must be an email address`;
      if (issue.format === "url") return `${label} must be a web address`;
      if (issue.format === "datetime" || issue.format === "date") return `${label} must be a date`;
      return `${label} is not in the expected form`;
    case "unrecognized_keys":
      return `There is no field called ${quoteAll(issue.keys)} here`;
    case "not_multiple_of":
      return `${label} must be a multiple of ${issue.divisor}`;
    default:
      return `${label} is not valid`;
  }
}

/**
 * One validator issue as a sentence for people. A schema's own message is kept when it is already a
 * sentence ("Say why these findings are hidden"); a predicate ("must be a date") follows the field's
 * name; another short phrase ("at least 12 characters") comes after the name and a colon; zod's own wording is replaced by one of ours. The code name is never shown.
 */
export function describeIssue(issue: Issue, labels: Record<string, string> = {}): string {
  const key = issue.path.filter((p) => typeof p === "string").join(".");
  const label = labels[key] ?? fieldLabel(issue.path);
  const own = !ZOD_WORDING.test(issue.message);
  let text: string;
  if (!own) text = sentenceFor(issue, label);
  else if (/^[A-Z`“]/.test(issue.message)) text = issue.message;
  else if (issue.message === "required") text = `${label} is required`;
  else if (/^(must|is|should|contains|has) /.test(issue.message)) text = `${label} ${issue.message}`;
  else text = `${label}: ${issue.message}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Every field's first problem, as one paragraph of sentences (each sentence once). */
export function describeAllIssues(issues: readonly Issue[], labels: Record<string, string> = {}): string {
  const seen = new Set<string>();
  const sentences = new Set<string>();
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    if (seen.has(key)) continue;
    seen.add(key);
    sentences.add(describeIssue(issue, labels));
  }
  return [...sentences].join(" ");
}
