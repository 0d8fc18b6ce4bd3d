/**
 * Lambda behind API Gateway `POST /collect` (aws): the same ingest core as `POST /api/collect`, writing
 * to the clickstream bucket. A 200 is returned only after S3 has the object (PutObject is durable).
 */
import type { S3Client } from "@aws-sdk/client-s3";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { bucketStore } from "@/lib/adapters/compose/stores";
import { handleCollect } from "@/lib/clickstream/collect-http";
import { IngestRateLimiter } from "@/lib/clickstream/rate-limit";
import { loadEnv } from "@/lib/env";

const limiter = new IngestRateLimiter(); // per container

export async function handler(
  event: APIGatewayProxyEventV2,
  deps: { s3?: S3Client } = {},
): Promise<APIGatewayProxyResultV2> {
  const env = loadEnv();
  const res = await handleCollect(
    {
      raw: bucketStore(env.SIGHTLINE_CLICKSTREAM_BUCKET ?? "", deps.s3),
      limiter,
      allowedOrigins: env.SIGHTLINE_COLLECT_ORIGINS,
    },
    {
      method: event.requestContext.http.method,
      bodyText: event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64").toString() : (event.body ?? ""),
      origin: event.headers.origin ?? null,
      ip: event.requestContext.http.sourceIp ?? null,
      userAgent: event.headers["user-agent"] ?? null,
    },
  );
  return { statusCode: res.status, headers: res.headers, ...(res.body === null ? {} : { body: res.body }) };
}
