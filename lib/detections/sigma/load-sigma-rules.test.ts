import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { duckDbDialect } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { loadSigmaRules } from "./load-sigma-rules";

const TEST_RULES = path.join(import.meta.dirname, "test-rules");
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

/** A directory holding these files (relative path → text). */
function dirWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-sigma-"));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const rule = (title: string, id?: string) =>
  `title: ${title}\n${id ? `id: ${id}\n` : ""}logsource:\n  product: aws\n  service: cloudtrail\ndetection:\n  s:\n    eventName: X\n  condition: s\n`;

/** Each level ten aliases of the one before, nine levels deep: far past the alias budget ("billion laughs"). */
const LAUGHS = [
  "a: &a [x, x, x, x, x, x, x, x, x, x]",
  ..."bcdefghij".split("").map((k, i) => `${k}: &${k} [${Array(10).fill(`*${"abcdefghi"[i]}`).join(", ")}]`),
].join("\n");

describe("loadSigmaRules", () => {
  test("compiles the CloudTrail rules under a directory, recursively, and lists every other file with its reason", async () => {
    const { rules, unsupported } = await loadSigmaRules(TEST_RULES);
    expect(rules.map((r) => r.file)).toEqual([
      "activity/boto3-recent.yml",
      "activity/cloudshell-cli.yml",
      "activity/literal-specials.yml",
      "activity/login-from-ranges.yml",
      "activity/offensive-user-agent.yml",
      "activity/root-console-login-without-mfa.yml",
      "iam/admin-role-assumed.yml",
      "iam/assumed-role-unauthorized.yml",
      "iam/attach-admin-policy.yml",
      "iam/named-user-key-created.yml",
      "iam/policy-or-key-tampering.yml",
      "logging/bucket-deleted.yml",
      "logging/cloudtrail-tampering.yml",
    ]);
    expect(unsupported).toEqual([
      {
        file: "unsupported/aggregation.yml",
        title: "Many failed logins",
        reason:
          'condition "selection | count() by sourceIPAddress > 10" uses an aggregation ("|"), which is not supported',
      },
      {
        file: "unsupported/ipv6-cidr.yml",
        title: "Login from an IPv6 range",
        reason: 'cidr value "2001:db8::/32" is IPv6; only IPv4 ranges compile',
      },
      {
        file: "unsupported/unknown-modifier.yml",
        title: "Encoded user agent",
        reason: 'modifier "base64offset" (in "userAgent|base64offset|contains") is not supported',
      },
      {
        file: "unsupported/unmapped-field.yml",
        title: "Old TLS",
        reason: `field "tlsDetails.tlsVersion" is not kept by the lake's cloudtrail table`,
      },
      {
        file: "unsupported/windows-process-creation.yml",
        title: "Whoami run",
        reason:
          "logsource {product: windows, category: process_creation} is not compiled: only logsource product: aws, service: cloudtrail (without a category) is",
      },
    ]);
  });

  test("carries each rule's metadata", async () => {
    const { rules } = await loadSigmaRules(TEST_RULES);
    expect(rules.find((r) => r.file === "iam/attach-admin-policy.yml")).toMatchObject({
      id: "sigma-971e3571-9c9c-462d-a683-6ddf43942783",
      title: "Administrator policy attached to a user, role or group",
      severity: 4,
      tactic: "privilege-escalation",
      tactics: ["privilege-escalation", "persistence"],
      techniques: ["T1098.003"],
      falsePositives: ["Break-glass procedures that grant admin on purpose"],
    });
    expect(rules.find((r) => r.file === "activity/literal-specials.yml")?.id).toBe(
      "sigma-user-agent-with-quotes-percent-underscore-and-backslash",
    );
  });

  test("several documents in a file are several rules; a repeated id is listed, not compiled twice", async () => {
    const dir = dirWith({
      "a.yml": `${rule("One", "same-id")}---\n${rule("Two")}`,
      "b.YAML": rule("Three", "same-id"),
      "notes.md": "not a rule",
    });
    const { rules, unsupported } = await loadSigmaRules(dir);
    expect(rules.map((r) => r.id)).toEqual(["sigma-same-id", "sigma-two"]);
    expect(unsupported).toEqual([
      { file: "b.YAML", title: "Three", reason: "rule id sigma-same-id is already used by a.yml" },
    ]);
  });

  test("a file with a YAML syntax error is listed with the error and where it is", async () => {
    const broken = rule("Broken").replace("eventName: X", "eventName: [StopLogging, DeleteTrail");
    const dir = dirWith({ "broken.yaml": broken, "good.yml": rule("Good") });
    const { rules, unsupported } = await loadSigmaRules(dir);
    expect(rules.map((r) => r.title)).toEqual(["Good"]);
    expect(unsupported).toEqual([
      {
        file: "broken.yaml",
        title: null,
        reason:
          "YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ] at line 8, column 3",
      },
    ]);
  });

  test("numbers keep the text they are written with: an account id keeps its leading zero", async () => {
    const text = rule("Account").replace(
      "eventName: X",
      "recipientAccountId: 012345678901\n    requestParameters.maxCount|gte: 1.50",
    );
    const { rules } = await loadSigmaRules(dirWith({ "account.yml": text }));
    const sql = rules[0]?.where(duckDbDialect("/nonexistent-lake"));
    expect(sql).toContain("lower(recipient_account_id) = lower('012345678901')");
    expect(sql).toContain("AS DOUBLE) >= 1.5");
  });

  test("empty files, rule collections and duplicate keys are listed too", async () => {
    const dir = dirWith({
      "empty.yml": "# nothing here\n",
      "collection.yml": `action: global\nlogsource:\n  product: aws\n---\n${rule("Four")}`,
      "dupe.yml": "title: A\ntitle: B\n",
      "list.yml": "- just\n- a list\n",
      "laughs.yml": LAUGHS,
    });
    const { rules, unsupported } = await loadSigmaRules(dir);
    expect(rules).toEqual([]);
    expect(unsupported.map((u) => [u.file, u.reason.replace(/ at line.*/, "")])).toEqual([
      ["collection.yml", "rule collections (documents with action: global/reset/repeat) are not supported"],
      ["dupe.yml", "YAML syntax error: Map keys must be unique"],
      ["empty.yml", "the file holds no rule"],
      ["laughs.yml", "YAML could not be read: Excessive alias count indicates a resource exhaustion attack"],
      ["list.yml", "not a valid Sigma rule: rule: Invalid input: expected object, received array"],
    ]);
  });
});
