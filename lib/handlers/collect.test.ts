import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, expect, test, vi } from "vitest";
import { handler } from "./collect";

const s3mock = mockClient(S3Client);
const ORIGIN = "https://shop.example";
beforeEach(() => {
  s3mock.reset();
  vi.stubEnv("SIGHTLINE_COLLECT_ORIGINS", ORIGIN);
  vi.stubEnv("SIGHTLINE_CLICKSTREAM_BUCKET", "sightline-clickstream");
});

const event = (body: unknown, headers: Record<string, string> = {}, method = "POST") =>
  ({
    headers: { origin: ORIGIN, "user-agent": "Mozilla/5.0 Chrome/156.0", ...headers },
    body: JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: { http: { method, sourceIp: "203.0.113.9" } },
  }) as unknown as APIGatewayProxyEventV2;
const ev = () => ({
  eventId: crypto.randomUUID(),
  eventName: "page_view",
  timestamp: Date.now(),
  clientId: "c",
  sessionId: "s",
});

test("API Gateway → PutObject of the NDJSON batch under the receive hour, then 200 with CORS for the allowed site", async () => {
  s3mock.on(PutObjectCommand).resolves({});
  const res = (await handler(event({ events: [ev(), ev()] }), { s3: new S3Client({ region: "eu-west-1" }) })) as {
    statusCode: number;
    headers: Record<string, string>;
  };
  expect(res.statusCode).toBe(200);
  expect(res.headers["access-control-allow-origin"]).toBe(ORIGIN);
  const put = s3mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
  expect(put?.Bucket).toBe("sightline-clickstream");
  expect(put?.Key).toMatch(/^events\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/\d+-[0-9a-f-]+\.ndjson$/);
  const lines = String(put?.Body)
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  expect(lines).toHaveLength(2);
  expect(lines[0].ip).toBe("203.0.113.0");
});

test("a failed PutObject is a 5xx, never a 2xx; bots 202; other origins 403", async () => {
  s3mock.on(PutObjectCommand).rejects(new Error("SlowDown"));
  const s3 = new S3Client({ region: "eu-west-1" });
  expect(((await handler(event({ events: [ev()] }), { s3 })) as { statusCode: number }).statusCode).toBe(500);
  expect(
    ((await handler(event({ events: [ev()] }, { "user-agent": "curl/8.5" }), { s3 })) as { statusCode: number })
      .statusCode,
  ).toBe(202);
  expect(
    ((await handler(event({ events: [ev()] }, { origin: "https://evil.example" }), { s3 })) as { statusCode: number })
      .statusCode,
  ).toBe(403);
});

test("preflight: the allowed site gets 204 with its origin; another site 403 and no CORS header; no S3 call", async () => {
  const ok = (await handler(event("", {}, "OPTIONS"))) as { statusCode: number; headers: Record<string, string> };
  expect(ok.statusCode).toBe(204);
  expect(ok.headers["access-control-allow-origin"]).toBe(ORIGIN);
  expect(ok.headers["access-control-allow-methods"]).toBe("POST");
  const no = (await handler(event("", { origin: "https://evil.example" }, "OPTIONS"))) as {
    statusCode: number;
    headers: Record<string, string>;
  };
  expect(no.statusCode).toBe(403);
  expect(no.headers["access-control-allow-origin"]).toBeUndefined();
  expect(s3mock.commandCalls(PutObjectCommand)).toHaveLength(0);
});
