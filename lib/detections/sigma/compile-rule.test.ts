import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { athenaDialect } from "@/lib/adapters/aws/athena-lake-query";
import { duckDbDialect } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { INJECTIONS } from "@/test/support/findings-lake";
import { compileSigmaRule } from "./compile-rule";

const duck = duckDbDialect("/nonexistent-lake");
const athena = athenaDialect("sightline");

/** A CloudTrail rule with this detection (YAML, indented under `detection:`) and extra top-level YAML. */
const ruleText = (detection: string, head = "title: Test rule\nlevel: high\n") =>
  `${head}logsource:\n  product: aws\n  service: cloudtrail\ndetection:\n${detection}`;
const compile = (detection: string, head?: string) => compileSigmaRule(parse(ruleText(detection, head)), "t.yml");
const where = (detection: string) => compile(detection).where(duck);
/** The SQL with every string literal blanked: what is left is the shape no value can change. */
const shape = (sql: string) => sql.replace(/'(?:[^']|'')*'/g, "'…'");

describe("compileSigmaRule metadata", () => {
  test("reads id, severity, tactics, techniques, references and false positives", () => {
    const rule = compile(
      "  sel:\n    eventName: StopLogging\n  condition: sel\n",
      [
        "title: Trail stopped",
        "id: 0F5B3C2A-1111-4222-8333-944445555666",
        "status: test",
        "description: A trail stopped logging.",
        "references: [https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html]",
        "tags: [attack.defense_evasion, attack.t1562.008, attack.privilege-escalation, attack.g0016, cve.2021-1]",
        "falsepositives: [Account closure]",
        "level: critical",
        "",
      ].join("\n"),
    );
    expect(rule).toMatchObject({
      id: "sigma-0f5b3c2a-1111-4222-8333-944445555666",
      sigmaId: "0F5B3C2A-1111-4222-8333-944445555666",
      title: "Trail stopped",
      status: "test",
      level: "critical",
      severity: 5,
      tactic: "defense-evasion",
      tactics: ["defense-evasion", "privilege-escalation"],
      techniques: ["T1562.008"],
      falsePositives: ["Account closure"],
      file: "t.yml",
    });
    expect(rule.references).toHaveLength(1);
  });

  test("levels map to severities 1–5; no id means a slug of the title; no level means medium", () => {
    const levels = ["informational", "low", "medium", "high", "critical"].map(
      (l) => compile("  s:\n    eventName: X\n  condition: s\n", `title: T\nlevel: ${l}\n`).severity,
    );
    expect(levels).toEqual([1, 2, 3, 4, 5]);
    const rule = compile("  s:\n    eventName: X\n  condition: s\n", "title: Root's keys — used!\n");
    expect(rule).toMatchObject({ id: "sigma-root-s-keys-used", severity: 3, level: "medium", tactic: null });
  });

  test("an invalid rule is unsupported with the fields at fault", () => {
    expect(() => compile("  s:\n    eventName: X\n  condition: s\n", "title: T\nlevel: severe\n")).toThrow(
      "not a valid Sigma rule: level:",
    );
    expect(() => compileSigmaRule({ logsource: {}, detection: {} }, "t.yml")).toThrow("title:");
    expect(() => compileSigmaRule({ correlation: { type: "event_count" } }, "t.yml")).toThrow(
      "correlation rules are not supported",
    );
  });

  test("only logsource product aws, service cloudtrail compiles; others are named", () => {
    const other = parse(ruleText("  s:\n    eventName: X\n  condition: s\n").replace("cloudtrail", "guardduty"));
    expect(() => compileSigmaRule(other, "t.yml")).toThrow(
      "logsource {product: aws, service: guardduty} is not compiled",
    );
  });
});

describe("compileSigmaRule detection", () => {
  test("a map is AND of its items, a list of values OR, a list of maps OR of maps", () => {
    expect(where("  s:\n    eventSource: iam.amazonaws.com\n    eventName: [A, B]\n  condition: s\n")).toBe(
      "(COALESCE(lower(event_source) = lower('iam.amazonaws.com'), FALSE) AND (COALESCE(lower(event_name) = lower('A'), FALSE) OR COALESCE(lower(event_name) = lower('B'), FALSE)))",
    );
    expect(where("  s:\n    - eventName: A\n    - awsRegion: eu-west-1\n  condition: s\n")).toBe(
      "(COALESCE(lower(event_name) = lower('A'), FALSE) OR COALESCE(lower(aws_region) = lower('eu-west-1'), FALSE))",
    );
  });

  test("all makes a list AND; numbers and booleans match as text", () => {
    expect(where("  s:\n    userAgent|contains|all: [a, b]\n  condition: s\n")).toBe(
      "(COALESCE(lower(user_agent) LIKE lower('%a%') ESCAPE '\\', FALSE) AND COALESCE(lower(user_agent) LIKE lower('%b%') ESCAPE '\\', FALSE))",
    );
    expect(where("  s:\n    readOnly: false\n    requestParameters.maxCount: 2\n  condition: s\n")).toBe(
      "(COALESCE(lower(CAST(read_only AS VARCHAR)) = lower('false'), FALSE) AND COALESCE(lower(json_extract_string(request_parameters, '$.maxCount')) = lower('2'), FALSE))",
    );
  });

  test("null is IS NULL, also in a list; exists checks presence", () => {
    expect(where("  s:\n    errorCode: null\n  condition: s\n")).toBe("error_code IS NULL");
    expect(where("  s:\n    errorCode: [null, AccessDenied]\n  condition: s\n")).toBe(
      "(error_code IS NULL OR COALESCE(lower(error_code) = lower('AccessDenied'), FALSE))",
    );
    expect(where("  s:\n    errorCode|exists: false\n  condition: s\n")).toBe("error_code IS NULL");
    expect(where("  s:\n    resources.ARN|exists: true\n  condition: s\n")).toMatch(
      /^\(json_extract_string\(resources, '\$\[0\]\.ARN'\) IS NOT NULL OR .* IS NOT NULL\)$/,
    );
  });

  test("re and cidr compile per dialect; gt/lt compare numbers", () => {
    const rule = compile("  s:\n    userAgent|re|i: '^boto3/'\n  condition: s\n");
    expect(rule.where(duck)).toBe("COALESCE(regexp_matches(user_agent, '(?i)^boto3/'), FALSE)");
    expect(rule.where(athena)).toBe("COALESCE(regexp_like(user_agent, '(?i)^boto3/'), FALSE)");
    expect(where("  s:\n    sourceIPAddress|cidr: 10.0.0.0/8\n  condition: s\n")).toContain(
      "BETWEEN 167772160 AND 184549375",
    );
    expect(where("  s:\n    requestParameters.maxCount|gt: 10\n  condition: s\n")).toBe(
      "COALESCE(TRY_CAST(json_extract_string(request_parameters, '$.maxCount') AS DOUBLE) > 10, FALSE)",
    );
  });

  test("unsupported modifiers, combinations and shapes name what is wrong", () => {
    const fails = (detection: string, reason: string) =>
      expect(() => where(`  s:\n    ${detection}\n  condition: s\n`)).toThrow(reason);
    fails("userAgent|windash: x", 'modifier "windash" (in "userAgent|windash") is not supported');
    fails("userAgent|base64|contains: x", 'modifier "base64"');
    fails(
      "userAgent|contains|startswith: x",
      'modifiers "contains|startswith" (in "userAgent|contains|startswith") cannot be combined',
    );
    fails("userAgent|re|contains: x", "cannot be combined");
    fails("userAgent|i: x", 'modifier "i" (in "userAgent|i") only applies with "re"');
    fails("userAgent|contains: null", "applies modifiers to null");
    fails("userAgent|exists: yes", "needs true or false");
    fails("userAgent|gt: ten", "not a number");
    fails("userAgent: []", "has an empty list of values");
    fails("userAgent: {a: b}", "holds a map, not values");
    fails("'|contains': x", "has no field name");
    expect(() => where("  keywords:\n    - mimikatz\n  condition: keywords\n")).toThrow(
      "keyword search is not supported",
    );
    expect(() => where("  s:\n    eventName: X\n  timeframe: 5m\n  condition: s\n")).toThrow("timeframe");
  });

  test("the compiled SQL is the same every time", () => {
    const text =
      "  a:\n    eventName|startswith: Put\n  b:\n    userIdentity.arn|contains: admin\n  condition: a and not b\n";
    expect(compile(text).where(duck)).toBe(compile(text).where(duck));
  });

  test("injection strings stay inside quoted literals: the SQL's shape never changes, the literal reads back", () => {
    const baseline = (key: string) => shape(where(`  s:\n    ${key}: 'plain'\n  condition: s\n`));
    for (const value of INJECTIONS) {
      for (const key of [
        "userAgent",
        "userAgent|contains",
        "requestParameters.bucketName|endswith",
        "eventName|cased",
      ]) {
        const sql = where(`  s:\n    ${key}: ${JSON.stringify(value)}\n  condition: s\n`);
        expect(shape(sql)).toBe(baseline(key));
      }
      const exact = where(`  s:\n    userAgent: ${JSON.stringify(value)}\n  condition: s\n`);
      const literal = /lower\('((?:[^']|'')*)'\)/.exec(exact)?.[1]?.replace(/''/g, "'");
      expect(literal).toBe(value);
    }
  });
});
