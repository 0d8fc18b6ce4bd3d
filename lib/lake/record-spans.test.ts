import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { CollectingSink } from "./collecting-sink";
import { IndicatorSet } from "./indicators";
import { normalizeCloudTrailRecords } from "./normalize/cloudtrail";
import { recordSpans } from "./record-spans";

const records = [
  {
    eventName: "RunInstances",
    userIdentity: { arn: "arn:aws:iam::111122223333:user/alice", accessKeyId: "AKIAIOSFODNN7EXAMPLE" },
    sourceIPAddress: "203.0.113.10",
    requestParameters: { instancesSet: { items: [{ instanceId: "i-0abc1234def567890" }] }, count: 1.5, n: 12345678 },
    responseElements: { ipv6: "2001:db8::1", cidr: "10.0.0.0/16" },
  },
  { eventName: 'Weird { [ "quoted" ] }', note: "braces } ] inside strings", ip: "198.51.100.7" },
  {
    eventName: "Escaped",
    policy: '{"Statement":[{"Effect":"Allow","Resource":"arn:aws:s3:::b/*"}]}',
    nl: "a\nb 10.1.2.3",
  },
  [1, 2, 3],
  "not an object",
];

const indicatorsOf = (text: string) => new IndicatorSet().scanText(text).toColumns();

describe("recordSpans", () => {
  test("compact document: each span is exactly the record as JSON.stringify writes it", () => {
    const text = JSON.stringify({ Records: records });
    const spans = recordSpans(text);
    expect(spans?.starts).toHaveLength(records.length);
    records.forEach((r, i) => {
      expect(text.slice(spans?.starts[i], spans?.ends[i])).toBe(JSON.stringify(r));
    });
    // Only the record whose strings carry escapes (quotes inside a string, a newline) is flagged.
    expect(spans?.escaped).toEqual([false, true, true, false, false]);
  });

  test("pretty-printed document with other keys around: unescaped spans give the same indicators as JSON.stringify", () => {
    const text = JSON.stringify({ before: { Records: "no" }, Records: records, after: [{ x: "}" }] }, null, 2);
    const spans = recordSpans(text);
    expect(spans?.starts).toHaveLength(records.length);
    records.forEach((r, i) => {
      const span = text.slice(spans?.starts[i], spans?.ends[i]);
      expect(JSON.parse(span)).toEqual(r);
      if (!spans?.escaped[i]) expect(indicatorsOf(span)).toEqual(indicatorsOf(JSON.stringify(r)));
    });
    expect(indicatorsOf(text.slice(spans?.starts[0], spans?.ends[0])).any_instance_id).toEqual(["i-0abc1234def567890"]);
  });

  test("anything but one object with a Records array is refused", () => {
    for (const text of ['{"records":[]}', "[1,2]", '{"Records":{}}', '{"Records":[{"a":1}', '{"Records":[1 2]}', "   "])
      expect(recordSpans(text)).toBeNull();
    expect(recordSpans('{ "Records" : [ ] }')?.starts).toEqual([]);
  });

  test("the golden CloudTrail file normalizes to the same rows with and without its record spans", () => {
    const text = fs.readFileSync(path.resolve("test/fixtures/lake/cloudtrail-records.json"), "utf8");
    const doc = JSON.parse(text) as { Records: unknown[] };
    const viaSpans = new CollectingSink("k");
    const viaStringify = new CollectingSink("k");
    normalizeCloudTrailRecords(doc.Records, "k", viaSpans, 0, text);
    normalizeCloudTrailRecords(doc.Records, "k", viaStringify);
    expect(viaSpans.tables.get("cloudtrail")?.length).toBeGreaterThan(10);
    expect(viaSpans.tables).toEqual(viaStringify.tables);
    expect(viaSpans.quarantined).toEqual(viaStringify.quarantined);
  });
});

describe("recordSpans: lenient JSON", () => {
  const lenient = (text: string) => recordSpans(text)?.lenient;
  test.each([
    ['{"Records":[{"a":NaN}]}'],
    ['{"Records":[{"a":[1, -Infinity]}]}'],
    ['{"Records":[{"a":{"b":inf}}]}'],
    ['{"Records":[{"a":[1,2,]}]}'],
    ['{"Records":[{"a":1 , }]}'],
    ['{"Records":[{"a":1},]}'],
    ['{"Records":[nan]}'],
    ['{"Records":[{"a":1}],}'],
  ])("%s is flagged", (text) => {
    expect(lenient(text)).toBe(true);
  });
  test("JSON, with the same words and commas inside strings, is not", () => {
    const text = JSON.stringify({
      Records: [{ a: "NaN,]", b: [true, false, null], c: 1e21, d: -2.5e-7, e: "x,}", f: { g: null }, h: 0.5 }],
    });
    expect(text).toContain("1e+21");
    expect(lenient(text)).toBe(false);
    expect(lenient(JSON.stringify({ Records: records }, null, 2))).toBe(false);
  });
});
