import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { CollectingSink } from "./collecting-sink";
import { decodeBytes } from "./decode-bytes";
import { normalizeObject } from "./normalize-object";
import type { LakeRow } from "./tables";

const fixture = (name: string) => fs.readFileSync(path.resolve("test/fixtures/lake", name));
const CT_KEY =
  "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/111122223333_CloudTrail_us-east-1_20261120T1005Z_a1.json.gz";

function run(key: string, bytes: Uint8Array) {
  const sink = new CollectingSink(key);
  const kind = normalizeObject(key, bytes, sink);
  sink.finish();
  const rows = (t: string) => sink.tables.get(t as never) ?? [];
  return { sink, kind, rows };
}
const byId = (rows: LakeRow[], id: string) => rows.find((r) => r.event_id === id) as LakeRow;

describe("CloudTrail {Records:[...]} (gzip, as delivered to S3)", () => {
  const { sink, kind, rows } = run(CT_KEY, gzipSync(fixture("cloudtrail-records.json")));
  const ct = rows("cloudtrail");

  test("every good record becomes a row; bad ones are quarantined with position and reason", () => {
    expect(kind).toBe("cloudtrail");
    expect(ct).toHaveLength(17);
    expect(sink.quarantined.map((q) => [q.position, q.reason])).toEqual([
      ["Records[8]", "eventTime missing or not a timestamp"],
      ["Records[18]", "record is not an object"],
    ]);
    expect(sink.quarantined[0]?.source_key).toBe(CT_KEY);
    expect(sink.quarantined[0]?.sample).toContain("broken");
  });

  test("promoted columns, millisecond time, provenance", () => {
    const r = byId(ct, "11111111-0000-4000-8000-000000000001");
    expect(r).toMatchObject({
      event_time: Date.parse("2026-11-20T10:01:02Z"),
      event_name: "ConsoleLogin",
      event_source: "signin.amazonaws.com",
      user_type: "IAMUser",
      user_name: "alice",
      user_arn: "arn:aws:iam::111122223333:user/alice",
      source_ip_address: "203.0.113.10",
      source_ip_is_service: false,
      read_only: false,
      management_event: true,
      source_key: CT_KEY,
      source_ordinal: 0,
    });
    expect(JSON.parse(String(r.additional_event_data))).toMatchObject({ MFAUsed: "No" });
    expect(r.request_parameters).toBeNull();
  });

  test("an assumed-role session: issuer, MFA flag, invokedBy, service-name source IP", () => {
    const r = byId(ct, "11111111-0000-4000-8000-000000000002");
    expect(r).toMatchObject({
      user_type: "AssumedRole",
      access_key_id: "ASIAEXAMPLEKEY000001",
      session_issuer_arn: "arn:aws:iam::111122223333:role/ci-deploy",
      user_name: "ci-deploy",
      mfa_authenticated: false,
      session_created_at: Date.parse("2026-11-20T09:55:00Z"),
      invoked_by: "cloudformation.amazonaws.com",
      source_ip_address: "cloudformation.amazonaws.com",
      source_ip_is_service: true,
    });
    expect(r.any_instance_id).toEqual(["i-0123456789abcdef0"]);
    expect(r.any_ip).toEqual(["10.0.1.25"]);
    expect(r.any_access_key_id).toEqual(["ASIAEXAMPLEKEY000001"]);
    expect(r.any_arn).toContain("arn:aws:iam::111122223333:role/ci-deploy");
    expect(r.any_account_id).toEqual(["111122223333"]);
  });

  test("numeric-vs-string drift inside requestParameters survives as JSON text", () => {
    const a = JSON.parse(String(byId(ct, "11111111-0000-4000-8000-000000000002").request_parameters));
    const b = JSON.parse(String(byId(ct, "11111111-0000-4000-8000-000000000003").request_parameters));
    expect(a.instancesSet.items[0].maxCount).toBe(1);
    expect(b.instancesSet.items[0].maxCount).toBe("2");
  });

  test("unusual userIdentity types and missing optional fields", () => {
    expect(byId(ct, "11111111-0000-4000-8000-000000000005")).toMatchObject({
      user_type: "AWSService",
      invoked_by: "trustedadvisor.amazonaws.com",
      user_arn: null,
      user_name: null,
      access_key_id: null,
      source_ip_is_service: true,
      shared_event_id: "shared-5",
    });
    expect(byId(ct, "11111111-0000-4000-8000-000000000010")).toMatchObject({
      user_type: "AWSAccount",
      user_account_id: "444455556666",
      source_ip_address: "AWS Internal",
      source_ip_is_service: true,
      user_agent: null,
      error_code: null,
    });
    expect(byId(ct, "11111111-0000-4000-8000-000000000004")).toMatchObject({ user_type: "Root", user_name: "root" });
    expect(byId(ct, "11111111-0000-4000-8000-000000000010").any_account_id).toEqual(
      expect.arrayContaining(["111122223333", "444455556666"]),
    );
  });

  test("each per-event detection the fixture holds fires once, with deterministic ids", () => {
    const findings = rows("findings");
    const types = findings.map((f) => f.finding_type).sort();
    expect(types).toEqual(
      [
        "Sightline:access-key-for-another-user",
        "Sightline:cloudtrail-logging-stopped",
        "Sightline:console-login-without-mfa",
        "Sightline:guardduty-disabled",
        "Sightline:iam-policy-allows-everything",
        "Sightline:root-console-login",
        "Sightline:security-group-ssh-open-to-world",
      ].sort(),
    );
    // Bursts (the five failed sign-ins) are a threshold rule now: evaluated over the lake on a
    // schedule, across objects and hours (lib/detections/scheduled.integration.test.ts), not per object.
    expect(findings.some((f) => f.finding_type === "Sightline:console-login-failure-burst")).toBe(false);
    const root = findings.find((f) => f.finding_type === "Sightline:root-console-login") as LakeRow;
    expect(root).toMatchObject({ origin: "sightline", event_count: 1 });
    expect(JSON.parse(String(root.detail))).toMatchObject({ rule: "root-console-login", version: 1 });
    const again = run(CT_KEY, gzipSync(fixture("cloudtrail-records.json"))).rows("findings");
    expect(again.map((f) => f.finding_id).sort()).toEqual(findings.map((f) => f.finding_id).sort());
  });
});

test("CloudTrail digest files are recognised and skipped, not errors", () => {
  const { sink, kind } = run("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/20/x.json.gz", gzipSync("{}"));
  expect(kind).toBe("digest");
  expect(Object.fromEntries(sink.skipped)).toEqual({ "cloudtrail digest file": 1 });
  expect(sink.quarantined).toEqual([]);
});

test("one-record-per-line CloudTrail (EventBridge wrappers and bare records)", () => {
  const { sink, rows } = run("exports/ct.jsonl", fixture("cloudtrail-eventbridge.jsonl"));
  expect(rows("cloudtrail").map((r) => [r.user_type, r.source_ip_address])).toEqual([
    ["SAMLUser", "2001:db8::1"],
    ["WebIdentityUser", "198.51.100.20"],
  ]);
  expect(rows("cloudtrail")[0]?.any_ip).toEqual(["2001:db8::1"]);
  expect(sink.quarantined).toHaveLength(1);
  expect(sink.quarantined[0]?.reason).toMatch(/^invalid JSON/);
});

describe("GuardDuty", () => {
  const { sink, rows } = run("guardduty/export.jsonl.gz", gzipSync(fixture("guardduty-export.jsonl")));

  test("findings export (jsonl.gz, camelCase) → rows with OCSF severity beside the vendor value", () => {
    const gd = rows("guardduty");
    expect(gd.map((r) => [r.severity_vendor, r.severity, r.severity_label])).toEqual([
      [2, 2, "Low"],
      [2, 2, "Low"],
      [8, 4, "High"],
      [9.5, 5, "Critical"],
    ]);
    expect(gd[0]).toMatchObject({
      finding_type: "UnauthorizedAccess:EC2/SSHBruteForce",
      resource_type: "Instance",
      resource_id: "i-0123456789abcdef0",
      remote_ip: "198.51.100.200",
      remote_country: "Exampleland",
      action_type: "NETWORK_CONNECTION",
      event_count: 3,
      first_seen: Date.parse("2026-11-20T08:00:00Z"),
      last_seen: Date.parse("2026-11-20T09:00:00Z"),
    });
    expect(gd[0]?.any_ip).toEqual(expect.arrayContaining(["10.0.1.25", "54.0.0.10", "198.51.100.200"]));
    expect(gd[2]).toMatchObject({ resource_type: "AccessKey", resource_id: "ASIAEXAMPLEKEY000001" });
    expect(JSON.parse(String(gd[0]?.service)).detectorId).toBe("12abc34d567e8fa901bc2d34e56789f0");
  });

  test("every GuardDuty observation also enters the unified findings table", () => {
    expect(rows("findings").map((f) => f.origin)).toEqual(["guardduty", "guardduty", "guardduty", "guardduty"]);
  });

  test("bad findings and lines are quarantined with reasons", () => {
    expect(sink.quarantined.map((q) => q.reason)).toEqual([
      "finding id or type missing",
      expect.stringMatching(/^invalid JSON/),
    ]);
  });

  test("an EventBridge 'GuardDuty Finding' event", () => {
    const eb = run("eb/event.json", fixture("guardduty-eventbridge.json")).rows("guardduty");
    expect(eb[0]).toMatchObject({
      finding_id: "9a8b7c6d5e4f30211203948576abcdef",
      severity: 3,
      remote_ip: "192.0.2.77",
      action_type: "PORT_PROBE",
    });
  });
});

describe("VPC Flow Logs", () => {
  test("v2 default format: '-' is null, NODATA skipped and counted, SKIPDATA kept, bad lines quarantined", () => {
    const { sink, kind, rows } = run(
      "AWSLogs/111122223333/vpcflowlogs/us-east-1/2026/11/20/x.log.gz",
      gzipSync(fixture("vpcflow-v2.log")),
    );
    expect(kind).toBe("vpcflow");
    const flows = rows("vpcflow");
    expect(flows).toHaveLength(3);
    expect(flows[0]).toMatchObject({
      version: 2,
      srcaddr: "198.51.100.200",
      dstport: 22,
      protocol: 6,
      bytes: 4249,
      action: "REJECT",
      start_time: 1763632800000,
      vpc_id: null,
    });
    expect(flows[2]).toMatchObject({ log_status: "SKIPDATA", srcaddr: null, packets: null });
    expect(Object.fromEntries(sink.skipped)).toEqual({ "vpc flow NODATA interval": 1 });
    expect(sink.quarantined.map((q) => [q.position, q.reason])).toEqual([
      ["line 6", "dstport is not an integer: notaport"],
      ["line 7", "expected 14 fields, found 5"],
    ]);
  });

  test("custom field order from the header (v5 fields)", () => {
    const flows = run("flows/custom.log", fixture("vpcflow-v5-custom.log")).rows("vpcflow");
    expect(flows[0]).toMatchObject({
      version: 5,
      vpc_id: "vpc-0aa11bb22cc33dd44",
      instance_id: "i-0123456789abcdef0",
      tcp_flags: 19,
      pkt_dst_aws_service: "S3",
      flow_direction: "egress",
      traffic_path: 8,
      bytes: 5000,
      packets: 8,
    });
    expect(flows[0]?.any_instance_id).toEqual(["i-0123456789abcdef0"]);
    expect(flows[1]).toMatchObject({ type: "IPv6", srcaddr: "2001:db8::5", instance_id: null, traffic_path: null });
    expect(flows[1]?.any_ip).toEqual(["2001:db8::5", "2001:db8::9"]);
  });
});

describe("CloudWatch Logs", () => {
  test("subscription payloads (gzip, concatenated): control message skipped, events kept", () => {
    const { sink, rows } = run("firehose/2026/11/20/14/cw-1.gz", gzipSync(fixture("cwlogs-subscription.json")));
    const logs = rows("cwlogs");
    expect(logs.map((l) => l.message)).toEqual([expect.stringContaining("denied"), "START RequestId: 6e0b1c2d"]);
    expect(logs[0]).toMatchObject({
      log_group: "/aws/lambda/payments",
      owner_account_id: "111122223333",
      subscription_filters: ["to-sightline"],
      event_time: 1763647201000,
    });
    expect(logs[0]?.any_ip).toEqual(["198.51.100.66"]);
    expect(Object.fromEntries(sink.skipped)).toEqual({ "cloudwatch control message": 1 });
    expect(sink.quarantined.map((q) => q.reason)).toEqual(["log event needs a timestamp and a message"]);
  });

  test("exported log files: '<timestamp> <message>' lines", () => {
    const key = "exports/app-logs/4b2a/i-0123456789abcdef0/000000.gz";
    const { sink, rows } = run(key, gzipSync(fixture("cwlogs-export.log")));
    expect(rows("cwlogs").map((l) => [l.log_stream, l.event_time])).toEqual([
      ["i-0123456789abcdef0", Date.parse("2026-11-20T14:00:00.123Z")],
      ["i-0123456789abcdef0", Date.parse("2026-11-20T14:00:01Z")],
    ]);
    expect(sink.quarantined.map((q) => q.position)).toEqual(["line 3"]);
  });
});

describe("broken objects", () => {
  const whole = gzipSync(fixture("cloudtrail-records.json"));

  test("truncated gzip → the object is quarantined with zlib's reason", () => {
    const { sink, rows } = run(CT_KEY, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(rows("cloudtrail")).toEqual([]);
    expect(sink.quarantined).toEqual([
      expect.objectContaining({
        position: "object",
        reason: expect.stringMatching(/^cannot decompress: .*end of file/),
      }),
    ]);
  });

  test("garbage after a gzip header → quarantined, not thrown", () => {
    const { sink } = run(
      CT_KEY,
      Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.from("garbage garbage garbage")]),
    );
    expect(sink.quarantined[0]?.reason).toMatch(/^cannot decompress/);
  });

  test("a truncated JSON document → quarantined with a JSON reason", () => {
    const text = fixture("cloudtrail-records.json").toString().slice(0, 900);
    const { sink, rows } = run(CT_KEY, Buffer.from(text));
    expect(rows("cloudtrail")).toEqual([]);
    expect(sink.quarantined[0]?.reason).toMatch(/^invalid JSON/);
  });

  test("an unknown text format → quarantined as unrecognized", () => {
    const { sink, kind } = run("misc/notes.txt", Buffer.from("hello world\nthis is not a log"));
    expect(kind).toBe("unknown");
    expect(sink.quarantined[0]?.reason).toMatch(/^unrecognized format/);
  });
});

test("decoding: ASCII and UTF-8 text (gzip or not) read back exactly; invalid UTF-8 as replacement characters", () => {
  for (const text of ['{"a":"plain ascii"}', '{"userName":"zoë","note":"日本 🚀"}']) {
    expect(decodeBytes(gzipSync(text))).toBe(text);
    expect(decodeBytes(Buffer.from(text))).toBe(text);
  }
  expect(decodeBytes(Uint8Array.from([0x7b, 0xff, 0x7d]))).toBe("{\ufffd}");
});
