/**
 * Lambda behind API Gateway `POST /collect` (aws): the same ingest core as `POST /api/collect`, writing
 * to the clickstream bucket. A 200 is returned only after S3 has the object (PutObject is durable).
 */
import { S3Client } from "@aws-sdk/client-s3";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { S3ObjectStore } from "@/lib/adapters/aws/s3-object-store";
import { ingestBatch } from "@/lib/clickstream/ingest";
import { TokenBucketLimiter } from "@/lib/clickstream/rate-limit";
import { loadEnv } from "@/lib/env";
import { errorBody } from "@/lib/errors";

const limiter = new TokenBucketLimiter(); // per container
const s3 = new S3Client({});

export async function handler(
  event: APIGatewayProxyEventV2,
  deps: { s3?: S3Client } = {},
): Promise<APIGatewayProxyResultV2> {
  const env = loadEnv();
  const origin = event.headers.origin ?? null;
  const allowed = env.SIGHTLINE_COLLECT_ORIGINS;
  const cors: Record<string, string> =
    origin && allowed.includes(origin) ? { "access-control-allow-origin": origin, vary: "origin" } : {};
  const json = (statusCode: number, body: unknown): APIGatewayProxyResultV2 => ({
    statusCode,
    headers: { "content-type": "application/json", ...cors },
    body: JSON.stringify(body),
  });
  try {
    const result = await ingestBatch(
      {
        raw: new S3ObjectStore(deps.s3 ?? s3, env.SIGHTLINE_CLICKSTREAM_BUCKET ?? ""),
        limiter,
        allowedOrigins: allowed,
      },
      {
        bodyText: event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64").toString() : (event.body ?? ""),
        origin,
        ip: event.requestContext.http.sourceIp ?? null,
        userAgent: event.headers["user-agent"] ?? null,
      },
    );
    if (result.bots) return json(202, result);
    if (result.accepted === 0)
      return json(422, { error: { code: "invalid_input", message: "No valid event in the batch" }, ...result });
    return json(200, result);
  } catch (err) {
    const { status, body } = errorBody(err);
    return json(status, body);
  }
}
