import { describe, expect, test } from "vitest";
import { guessEntityKind } from "./entities";
import { activitySearchProblem, entityLookupProblem } from "./search-problems";

describe("guessEntityKind", () => {
  test("tells the kind from the value's shape", () => {
    expect(guessEntityKind("34.228.10.20")).toBe("ip");
    expect(guessEntityKind(" 2001:db8::20 ")).toBe("ip");
    expect(guessEntityKind("arn:aws:iam::111122223333:user/alice")).toBe("arn");
    expect(guessEntityKind("i-0123456789abcdef0")).toBe("instance");
    expect(guessEntityKind("i-01234567")).toBe("instance");
    expect(guessEntityKind("AKIAABCDEFGHIJKLMNOP")).toBe("access-key");
    expect(guessEntityKind("ASIAABCDEFGHIJKLMNOP")).toBe("access-key");
  });

  test("anything else is not guessed", () => {
    for (const v of ["alice", "", "i-xyz", "AKIA123", "sg-0123456789abcdef0", "example.com"])
      expect(guessEntityKind(v), v).toBeNull();
  });
});

describe("search problems in people's words", () => {
  test("a reversed range is named plainly on both pages", () => {
    const range = { from: "2026-12-07", to: "2026-11-30" };
    expect(activitySearchProblem(range)).toBe("The start date is after the end date.");
    expect(entityLookupProblem({ kind: "ip", value: "10.0.0.1", ...range })).toBe(
      "The start date is after the end date.",
    );
    expect(activitySearchProblem({ from: "2026-11-30", to: "2026-11-30" })).toBeNull();
  });

  test("no validator wording reaches the page", () => {
    const said = [
      activitySearchProblem({ principal: "", from: "yesterday", colour: "red" }),
      activitySearchProblem({ region: "US EAST" }),
      entityLookupProblem({ kind: "bucket", value: "ab" }),
      entityLookupProblem({}),
    ].join(" ");
    expect(said).not.toMatch(/Too small|Invalid option|Unrecognized key|expected string|kind:/);
    expect(activitySearchProblem({ principal: "", from: "yesterday" })).toBe(
      "Principal is empty. The start date is not a date.",
    );
    expect(activitySearchProblem({ colour: "red" })).toBe("This page has no setting called “colour”.");
    expect(activitySearchProblem({ region: "US EAST" })).toBe("Region is not a valid region name.");
    expect(entityLookupProblem({ kind: "bucket", value: "ab" })).toBe(
      "Choose what to look up: an IP address, an ARN, an instance id or an access key id. Enter at least 3 characters to look up.",
    );
  });
});
