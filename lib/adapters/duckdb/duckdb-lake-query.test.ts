import { describe, expect, test } from "vitest";
import { duckDbDialect } from "./duckdb-lake-query";

describe("duckDbDialect", () => {
  const d = duckDbDialect("/nonexistent-lake");
  test("reads a JSON text column's scalar with json_extract_string, the path as a quoted literal", () => {
    expect(d.jsonText("request_parameters", "$.policyArn")).toBe(
      "json_extract_string(request_parameters, '$.policyArn')",
    );
    expect(d.jsonText("resources", "$[0].it's")).toBe("json_extract_string(resources, '$[0].it''s')");
  });
  test("matches a regular expression literal with regexp_matches", () => {
    expect(d.regexMatch("lower(user_agent)", "'^aws-cli/'")).toBe("regexp_matches(lower(user_agent), '^aws-cli/')");
  });
});
