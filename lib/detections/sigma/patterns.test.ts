import { describe, expect, test } from "vitest";
import { duckDbDialect } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { cidrMatch, numberCompare, regexMatch, sigmaTokens, stringMatch } from "./patterns";

const d = duckDbDialect("/nonexistent-lake");
const col = () => "user_agent";

describe("sigmaTokens", () => {
  test("unescaped * and ? are wildcards; \\*, \\? and \\\\ are literal; any other backslash stays", () => {
    expect(sigmaTokens("a*b?c")).toEqual([{ lit: "a" }, { wild: "*" }, { lit: "b" }, { wild: "?" }, { lit: "c" }]);
    expect(sigmaTokens("a\\*b\\?c\\\\d")).toEqual([{ lit: "a*b?c\\d" }]);
    expect(sigmaTokens("C:\\Windows\\")).toEqual([{ lit: "C:\\Windows\\" }]);
  });
});

describe("stringMatch", () => {
  test("a plain value is a case-insensitive equality", () => {
    expect(stringMatch("Kali", "exact", false)(col)(d)).toBe("lower(user_agent) = lower('Kali')");
  });

  test("contains, startswith and endswith become LIKE with the value's LIKE specials escaped", () => {
    expect(stringMatch("100%_a\\b", "contains", false)(col)(d)).toBe(
      "lower(user_agent) LIKE lower('%100\\%\\_a\\\\b%') ESCAPE '\\'",
    );
    expect(stringMatch("aws-cli/", "startswith", false)(col)(d)).toBe(
      "lower(user_agent) LIKE lower('aws-cli/%') ESCAPE '\\'",
    );
    expect(stringMatch("/Admin", "endswith", false)(col)(d)).toBe(
      "lower(user_agent) LIKE lower('%/Admin') ESCAPE '\\'",
    );
  });

  test("wildcards in a plain value: * is any run, ? one character", () => {
    expect(stringMatch("aws-cli/2.?.*", "exact", false)(col)(d)).toBe(
      "lower(user_agent) LIKE lower('aws-cli/2._.%') ESCAPE '\\'",
    );
  });

  test("cased leaves both sides as they are", () => {
    expect(stringMatch("Kali", "contains", true)(col)(d)).toBe("user_agent LIKE '%Kali%' ESCAPE '\\'");
  });

  test("quotes in values are doubled inside the literal", () => {
    expect(stringMatch("x'); DROP TABLE cloudtrail; --", "exact", false)(col)(d)).toBe(
      "lower(user_agent) = lower('x''); DROP TABLE cloudtrail; --')",
    );
  });
});

describe("regexMatch", () => {
  test("the pattern goes as a literal; i/m/s flags go inline", () => {
    expect(regexMatch("^Boto3/1\\.3", "")(col)(d)).toBe("regexp_matches(user_agent, '^Boto3/1\\.3')");
    expect(regexMatch("it's", "is")(col)(d)).toBe("regexp_matches(user_agent, '(?is)it''s')");
  });

  test("lookarounds, backreferences and invalid patterns are unsupported", () => {
    expect(() => regexMatch("foo(?!bar)", "")).toThrow("lookaround or backreference");
    expect(() => regexMatch("(a)\\1", "")).toThrow("lookaround or backreference");
    expect(() => regexMatch("(unclosed", "")).toThrow('regular expression "(unclosed" is not valid');
  });
});

describe("cidrMatch", () => {
  test("an IPv4 range compiles to integer bounds over split_part octets, guarded by an address check", () => {
    const sql = cidrMatch("10.1.2.3/8")(() => "source_ip_address")(d);
    expect(sql).toContain("BETWEEN 167772160 AND 184549375");
    expect(sql).toContain("TRY_CAST(split_part(source_ip_address, '.', 4) AS BIGINT)");
    expect(sql).toMatch(/^\(regexp_matches\(source_ip_address, '\^/);
    expect(cidrMatch("192.0.2.7")(col)(d)).toContain("BETWEEN 3221225991 AND 3221225991");
    expect(cidrMatch("0.0.0.0/0")(col)(d)).toContain("BETWEEN 0 AND 4294967295");
  });

  test("IPv6 and malformed ranges are unsupported with the value named", () => {
    expect(() => cidrMatch("2001:db8::/32")).toThrow('cidr value "2001:db8::/32" is IPv6; only IPv4 ranges compile');
    expect(() => cidrMatch("10.0.0.300/8")).toThrow('cidr value "10.0.0.300/8" is not an IPv4 address or range');
    expect(() => cidrMatch("10.0.0.0/33")).toThrow("is not an IPv4 address or range");
    expect(() => cidrMatch("10.0.0.0/8' OR 1=1")).toThrow("is not an IPv4 address or range");
  });
});

describe("numberCompare", () => {
  test("reads the field as a number", () => {
    expect(numberCompare("gte", 2.5)(col)(d)).toBe("TRY_CAST(user_agent AS DOUBLE) >= 2.5");
  });
});
