import { describe, expect, test } from "vitest";
import { decodeActivityCursor } from "./activity-cursor";
import { type ActivityResultRow, pageOfEvents, topOf } from "./activity-page";

const event = (id: string, ms: number, key: string, ordinal: number) =>
  ({
    kind: "item",
    event_id: id,
    ms,
    event_source: "s3.amazonaws.com",
    event_name: "GetObject",
    principal: "arn:aws:iam::111122223333:user/alice",
    user_type: "IAMUser",
    source_ip_address: "10.0.0.1",
    aws_region: "us-east-1",
    error_code: null,
    error_message: null,
    user_agent: "aws-cli/2.15.0",
    mfa_authenticated: "false",
    session_issuer_type: null,
    session_issuer_arn: null,
    access_key_id: "AKIAABCDEFGHIJKLMNOP",
    recipient_account_id: "111122223333",
    read_only: "true",
    request_parameters: '{"bucketName":"b"}',
    response_elements: "not json",
    any_arn: '["arn:aws:iam::111122223333:user/alice","arn:aws:s3:::b"]',
    any_instance_id: "[]",
    any_access_key_id: null,
    source_key: key,
    source_ordinal: ordinal,
    value: null,
    n: null,
  }) as ActivityResultRow;
const top = (kind: "caller" | "denied", value: string, n: number) => ({ kind, value, n }) as ActivityResultRow;

describe("pageOfEvents", () => {
  const rows = [
    event("e3", 50, "k0", 1),
    top("caller", "alice", 3),
    event("e2", 100, "k1", 2),
    event("e1", 100, "k1", 1),
  ];

  test("orders newest first, then by place in the source object, and maps the columns", () => {
    const page = pageOfEvents(rows, 3);
    expect(page.items.map((e) => e.eventId)).toEqual(["e1", "e2", "e3"]);
    expect(page.items[0]).toEqual({
      eventId: "e1",
      time: new Date(100).toISOString(),
      eventSource: "s3.amazonaws.com",
      eventName: "GetObject",
      principal: "arn:aws:iam::111122223333:user/alice",
      userType: "IAMUser",
      sourceIp: "10.0.0.1",
      region: "us-east-1",
      errorCode: null,
      errorMessage: null,
      userAgent: "aws-cli/2.15.0",
      mfaAuthenticated: false,
      sessionIssuer: null,
      accessKeyId: "AKIAABCDEFGHIJKLMNOP",
      accountId: "111122223333",
      readOnly: true,
      resources: { arn: ["arn:aws:iam::111122223333:user/alice", "arn:aws:s3:::b"], instance: [], accessKey: [] },
      requestParameters: { bucketName: "b" },
      responseElements: "not json",
    });
    expect(page.nextCursor).toBeNull();
  });

  test("sets nextCursor only when a row past the limit came back, at the page's last event", () => {
    const page = pageOfEvents(rows, 2);
    expect(page.items.map((e) => e.eventId)).toEqual(["e1", "e2"]);
    expect(decodeActivityCursor(page.nextCursor ?? undefined)).toEqual({ ms: 100, sourceKey: "k1", sourceOrdinal: 2 });
  });
});

describe("topOf", () => {
  test("keeps one kind, largest count first", () => {
    const rows = [top("caller", "bob", 1), top("denied", "x", 9), top("caller", "alice", 3)];
    expect(topOf(rows, "caller")).toEqual([
      { value: "alice", count: 3 },
      { value: "bob", count: 1 },
    ]);
    expect(topOf(rows, "denied")).toEqual([{ value: "x", count: 9 }]);
  });
});
