/**
 * Sigma string values → SQL predicates on a text expression. Values reach SQL only as string
 * literals with quotes doubled (`sqlLiteral`); nothing in a rule is ever pasted as SQL.
 */
import { sqlLiteral } from "@/lib/lake/sql-literal";
import { SigmaUnsupported, type Sql } from "./types";

/** A Sigma value read for matching: literal text and the `*` / `?` wildcards between. */
type Token = { lit: string } | { wild: "*" | "?" };

/**
 * Sigma's escapes: `\*`, `\?` and `\\` are the literal characters; a backslash before anything
 * else is itself literal. Unescaped `*` and `?` are wildcards.
 */
export function sigmaTokens(value: string): Token[] {
  const out: Token[] = [];
  let lit = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    const next = value[i + 1];
    if (c === "\\" && (next === "*" || next === "?" || next === "\\")) {
      lit += next;
      i++;
    } else if (c === "*" || c === "?") {
      if (lit) out.push({ lit });
      lit = "";
      out.push({ wild: c });
    } else lit += c;
  }
  if (lit) out.push({ lit });
  return out;
}

/** A LIKE pattern with `\` as the escape character. */
const likePattern = (tokens: Token[]) =>
  tokens.map((t) => ("wild" in t ? (t.wild === "*" ? "%" : "_") : t.lit.replace(/[\\%_]/g, (c) => `\\${c}`))).join("");

export type Position = "exact" | "contains" | "startswith" | "endswith";

/**
 * Sigma's string match of `expr` against `value`: case-insensitive (lower() on both sides, so one
 * engine lowers both) unless `cased`; equality without wildcards, LIKE with them.
 */
export function stringMatch(value: string, position: Position, cased: boolean): (expr: Sql) => Sql {
  const tokens = sigmaTokens(value);
  if (position === "contains" || position === "endswith") tokens.unshift({ wild: "*" });
  if (position === "contains" || position === "startswith") tokens.push({ wild: "*" });
  const wild = tokens.some((t) => "wild" in t);
  const text = wild ? likePattern(tokens) : tokens.map((t) => ("lit" in t ? t.lit : "")).join("");
  const lit = sqlLiteral(text);
  const side = (s: string) => (cased ? s : `lower(${s})`);
  return (expr) => (d) => (wild ? `${side(expr(d))} LIKE ${side(lit)} ESCAPE '\\'` : `${side(expr(d))} = ${side(lit)}`);
}

const LOOKAROUND = /\(\?<?[=!]|\\[1-9]|\\k</;

/**
 * The `re` modifier: the pattern as a literal, flags (`i`, `m`, `s` sub-modifiers) written inline
 * as both engines read them. Matching is a search, as both engines do: anchor with ^ and $.
 */
export function regexMatch(pattern: string, flags: string): (expr: Sql) => Sql {
  if (LOOKAROUND.test(pattern))
    throw new SigmaUnsupported(
      `regular expression ${JSON.stringify(pattern)} uses a lookaround or backreference, which DuckDB's RE2 does not run`,
    );
  try {
    new RegExp(pattern);
  } catch (err) {
    throw new SigmaUnsupported(`regular expression ${JSON.stringify(pattern)} is not valid: ${(err as Error).message}`);
  }
  const lit = sqlLiteral(flags ? `(?${flags})${pattern}` : pattern);
  return (expr) => (d) => d.regexMatch(expr(d), lit);
}

const OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
const IPV4 = sqlLiteral(`^${OCTET}(\\.${OCTET}){3}$`);

/** `a.b.c.d/n` → the first and last address of the range as integers. */
function ipv4Range(cidr: string): { first: number; last: number } {
  if (cidr.includes(":")) throw new SigmaUnsupported(`cidr value "${cidr}" is IPv6; only IPv4 ranges compile`);
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(cidr);
  const octets = m ? m.slice(1, 5).map(Number) : [];
  const bits = m?.[5] === undefined ? 32 : Number(m[5]);
  if (!m || octets.some((o) => o > 255) || bits > 32)
    throw new SigmaUnsupported(`cidr value "${cidr}" is not an IPv4 address or range`);
  const ip = octets.reduce((n, o) => n * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const first = Math.floor(ip / size) * size;
  return { first, last: first + size - 1 };
}

/**
 * The `cidr` modifier on both engines: an address (checked by a regular expression first) turned
 * into an integer from its four split_part octets, compared with the range's bounds.
 */
export function cidrMatch(cidr: string): (expr: Sql) => Sql {
  const { first, last } = ipv4Range(cidr);
  return (expr) => (d) => {
    const e = expr(d);
    const octet = (i: number) => `TRY_CAST(split_part(${e}, '.', ${i}) AS BIGINT)`;
    const asInt = `((${octet(1)} * 16777216) + (${octet(2)} * 65536) + (${octet(3)} * 256) + ${octet(4)})`;
    return `(${d.regexMatch(e, IPV4)} AND ${asInt} BETWEEN ${first} AND ${last})`;
  };
}

export type Comparison = "gt" | "gte" | "lt" | "lte";
const OPS: Record<Comparison, string> = { gt: ">", gte: ">=", lt: "<", lte: "<=" };

/** `gt`/`gte`/`lt`/`lte`: the field read as a number (text that is not one never matches). */
export function numberCompare(op: Comparison, value: number): (expr: Sql) => Sql {
  const n = String(value);
  return (expr) => (d) => `TRY_CAST(${expr(d)} AS DOUBLE) ${OPS[op]} ${n}`;
}
