/**
 * Sigma conditions: `and`, `or`, `not`, parentheses, `1 of` / `any of` / `all of` a name pattern
 * (`selection_*`) or `them` (every search identifier not starting with `_`). Precedence as the
 * specification gives it: not, then and, then or.
 */
import { SigmaUnsupported, type Sql } from "./types";

const join = (op: "AND" | "OR", parts: Sql[]): Sql =>
  parts.length === 1 ? (parts[0] as Sql) : (d) => `(${parts.map((p) => p(d)).join(` ${op} `)})`;

const tokenize = (condition: string): string[] => condition.match(/\(|\)|[^\s()]+/g) ?? [];

class ConditionParser {
  private i = 0;

  constructor(
    private readonly condition: string,
    private readonly tokens: string[],
    private readonly searches: ReadonlyMap<string, Sql>,
  ) {}

  parse(): Sql {
    const out = this.or();
    const rest = this.tokens[this.i];
    if (rest !== undefined) this.fail(`unexpected "${rest}"`);
    return out;
  }

  private fail(what: string): never {
    throw new SigmaUnsupported(`condition "${this.condition}": ${what}`);
  }

  private peek = () => this.tokens[this.i]?.toLowerCase();

  private or(): Sql {
    const parts = [this.and()];
    while (this.peek() === "or") {
      this.i++;
      parts.push(this.and());
    }
    return join("OR", parts);
  }

  private and(): Sql {
    const parts = [this.not()];
    while (this.peek() === "and") {
      this.i++;
      parts.push(this.not());
    }
    return join("AND", parts);
  }

  private not(): Sql {
    if (this.peek() !== "not") return this.atom();
    this.i++;
    const inner = this.not();
    return (d) => `(NOT ${inner(d)})`;
  }

  private atom(): Sql {
    const token = this.tokens[this.i++];
    if (token === undefined) return this.fail("ends where a search identifier was expected");
    const lower = token.toLowerCase();
    if (token === "(") {
      const inner = this.or();
      if (this.tokens[this.i++] !== ")") this.fail('a "(" is not closed');
      return inner;
    }
    if (this.tokens[this.i]?.toLowerCase() === "of") {
      this.i++;
      if (lower === "1" || lower === "any") return join("OR", this.named(this.tokens[this.i++]));
      if (lower === "all") return join("AND", this.named(this.tokens[this.i++]));
      return this.fail(`"${token} of" is not supported (only "1 of", "any of" and "all of")`);
    }
    if (["and", "or", "not", "of", "them", ")"].includes(lower)) this.fail(`unexpected "${token}"`);
    const search = this.searches.get(token);
    if (!search) return this.fail(`names "${token}", which the detection does not define`);
    return search;
  }

  /** The searches `them` or a name pattern stands for, in the order the detection defines them. */
  private named(pattern: string | undefined): Sql[] {
    if (pattern === undefined || pattern === "(" || pattern === ")")
      return this.fail('"of" needs a name pattern or "them"');
    const names = [...this.searches.keys()];
    const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
    const hits =
      pattern.toLowerCase() === "them" ? names.filter((n) => !n.startsWith("_")) : names.filter((n) => re.test(n));
    if (hits.length === 0) this.fail(`"${pattern}" matches no search identifier`);
    return hits.map((n) => this.searches.get(n) as Sql);
  }
}

/** One condition string over the named searches. Aggregations (`| count() …`) and `near` are unsupported. */
export function compileCondition(condition: string, searches: ReadonlyMap<string, Sql>): Sql {
  if (condition.includes("|"))
    throw new SigmaUnsupported(`condition "${condition}" uses an aggregation ("|"), which is not supported`);
  const tokens = tokenize(condition);
  if (tokens.length === 0) throw new SigmaUnsupported("the condition is empty");
  if (tokens.some((t) => t.toLowerCase() === "near"))
    throw new SigmaUnsupported(`condition "${condition}" uses "near", which is not supported`);
  return new ConditionParser(condition, tokens, searches).parse();
}

/** `condition` as a string, or a list of them (any may match). */
export function compileConditions(condition: unknown, searches: ReadonlyMap<string, Sql>): Sql {
  const list = Array.isArray(condition) ? condition : [condition];
  if (list.length === 0 || list.some((c) => typeof c !== "string"))
    throw new SigmaUnsupported("detection.condition must be a string or a list of strings");
  return join(
    "OR",
    list.map((c) => compileCondition(c as string, searches)),
  );
}
