import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { EVENT_RULES } from "@/lib/detections/catalog";
import { candidatesFor } from "@/lib/detections/evaluate-events";
import { NO_TUNING } from "@/lib/detections/tuning";
import { detect, mayMatchDetection } from "./detections";
import { normalizeCloudTrailRecord } from "./normalize/cloudtrail";
import { isObj } from "./normalize/types";

const records = (
  JSON.parse(fs.readFileSync(path.resolve("test/fixtures/lake/cloudtrail-records.json"), "utf8")) as {
    Records: unknown[];
  }
).Records.filter(isObj);

test("the detection hint picks every record a rule matches, however the JSON is spaced", () => {
  const rows = records.flatMap((r, i) => {
    try {
      return [normalizeCloudTrailRecord(r, "k", i)];
    } catch {
      return [];
    }
  });
  const matched = new Set(detect(rows).flatMap((f) => f.matched_event_ids as string[]));
  expect(matched.size).toBeGreaterThanOrEqual(7); // the fixture's attack records all raise a per-event rule
  for (const r of records) {
    if (!matched.has(String(r.eventID))) continue;
    expect(mayMatchDetection(JSON.stringify(r)), String(r.eventID)).toBe(true);
    expect(mayMatchDetection(JSON.stringify(r, null, 2)), String(r.eventID)).toBe(true);
  }
});

test("the detection hint: candidate names only as an eventName value, Root only as a whole string", () => {
  expect(mayMatchDetection('{"eventName":"ConsoleLogin"}')).toBe(true);
  expect(mayMatchDetection('{"eventName" :\t"StopLogging"}')).toBe(true);
  expect(mayMatchDetection('{"x":{"eventName":"DeleteTrail"},"eventName":"GetObject"}')).toBe(true); // a superset
  expect(mayMatchDetection('{"userIdentity":{"type":"Root"}}')).toBe(true);
  expect(mayMatchDetection('{"eventName":"GetObject","userAgent":"ConsoleLogin-tool"}')).toBe(false);
  expect(mayMatchDetection('{"eventName":"ConsoleLoginX"}')).toBe(false);
  expect(mayMatchDetection('{"userName":"Rooted","eventName":"ListBuckets"}')).toBe(false);
});

test("a rule that is off makes no record a candidate: the prefilter follows the tuning", () => {
  const stop = '{"eventName":"StopLogging"}';
  const root = '{"userIdentity":{"type":"Root"},"eventName":"ListBuckets"}';
  const off = (...ids: string[]) => candidatesFor({ ...NO_TUNING, disabled: ids });
  expect(mayMatchDetection(stop, off())).toBe(true);
  expect(mayMatchDetection(stop, off("cloudtrail-logging-stopped"))).toBe(false);
  expect(mayMatchDetection(root, off())).toBe(true);
  expect(mayMatchDetection(root, off("root-account-use"))).toBe(false);
  // Every per-event rule off: nothing is a candidate, so the ETL parses no record for detection.
  const none = candidatesFor({ ...NO_TUNING, disabled: EVENT_RULES.map((r) => r.id) });
  expect(none.events.size).toBe(0);
  expect(none.anyEvent).toBe(false);
});
