import path from "node:path";
import { z } from "zod";

/**
 * The only reader of process.env. Everything else receives an `Env`.
 * In AWS, SST links resources as environment variables; they are read here too.
 */
/** A comma-separated list (empty by default), trimmed, without empty entries. */
const commaList = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  );

export const Env = z.object({
  SIGHTLINE_BACKEND: z.enum(["local", "aws"]).default("local"),
  SIGHTLINE_DATA_DIR: z.string().min(1).default(".sightline"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Only for demos and CI: seeded users get this password instead of a random one. */
  SIGHTLINE_INITIAL_PASSWORD: z.string().min(12).optional(),
  /** Session lifetime in seconds for local sign-in. */
  SIGHTLINE_SESSION_TTL: z.coerce
    .number()
    .int()
    .min(60)
    .default(12 * 3600),
  /** Local backend: seed a demo lake on first start. */
  SIGHTLINE_DEMO_DATA: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  /** Local backend: how often the raw area is scanned for new log files. */
  SIGHTLINE_LAKE_SCAN_SECONDS: z.coerce.number().int().min(1).default(15),
  /** Local backend: how often the threshold and sequence rules look for newly complete hours. */
  SIGHTLINE_DETECTIONS_SECONDS: z.coerce.number().int().min(1).default(300),
  /** Sigma rules (YAML) to list and backtest beside the built-in ones; default `<data dir>/rules/sigma`. */
  SIGHTLINE_SIGMA_DIR: z.string().min(1).optional(),
  /** AWS: the processed-lake bucket, its Glue database, and the first date partition projection covers. */
  SIGHTLINE_LAKE_BUCKET: z.string().optional(),
  SIGHTLINE_GLUE_DATABASE: z.string().default("sightline"),
  SIGHTLINE_ATHENA_WORKGROUP: z.string().default("sightline"),
  SIGHTLINE_LAKE_PROJECTION_START: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .default("2024-01-01"),
  /** Sites allowed to send clickstream events (comma-separated origins; the app's own origin always is). */
  SIGHTLINE_COLLECT_ORIGINS: commaList,
  /**
   * Local: port of the ingest listener (the collect endpoint without the Next request path, like
   * API Gateway + Lambda in AWS). Default PORT + 1; 0 turns it off (`/api/collect` always works).
   */
  SIGHTLINE_INGEST_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /**
   * Reverse proxies whose `X-Forwarded-For` is believed (comma-separated addresses or CIDR ranges,
   * e.g. `127.0.0.1,10.0.0.0/8`). Empty by default: the address the connection comes from is used,
   * and a client cannot choose the address it is rate-limited by.
   */
  SIGHTLINE_TRUSTED_PROXIES: commaList,
  /** AWS: the bucket raw clickstream events land in. */
  SIGHTLINE_CLICKSTREAM_BUCKET: z.string().optional(),
  /** Review SLA: a pending review expires (Expired path) after this many seconds. */
  SIGHTLINE_REVIEW_SLA_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(2 * 86400),
  /** AWS: the deployed application-review state machine. */
  SIGHTLINE_APPLICATION_REVIEW_ARN: z.string().optional(),
  /** AWS: the deployed incident-response and incident-release state machines. */
  SIGHTLINE_INCIDENT_RESPONSE_ARN: z.string().optional(),
  SIGHTLINE_INCIDENT_RELEASE_ARN: z.string().optional(),
  /** GuardDuty score (0.1–10) from which a finding opens an incident (the EventBridge rule uses the same). */
  SIGHTLINE_INCIDENT_THRESHOLD: z.coerce.number().min(0).max(10).default(7),
  /** How long a containment (or release) approval may wait. */
  SIGHTLINE_INCIDENT_APPROVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(4 * 3600),
  /** Seconds between SSM command status polls during evidence collection. */
  SIGHTLINE_SSM_POLL_SECONDS: z.coerce.number().int().min(0).default(5),
  /** AWS: evidence bucket (versioned) the collection script uploads to. */
  SIGHTLINE_EVIDENCE_BUCKET: z.string().optional(),
  /** Optional instance profile swapped in while an instance is quarantined. */
  SIGHTLINE_QUARANTINE_PROFILE_ARN: z.string().optional(),
  /** Absolute URL of the app, for links in notifications. */
  SIGHTLINE_APP_URL: z.string().url().optional(),
  /** AWS: SES sender address for e-mail notifications. */
  SIGHTLINE_NOTIFY_FROM: z.string().default("sightline@localhost"),
  /** AWS: 32-byte base64url key sealing channel secrets (from Secrets Manager). Locally a key file in the data dir. */
  SIGHTLINE_CHANNEL_SECRET_KEY: z.string().optional(),
  /** Where an admin's "refresh" downloads AWS's ip-ranges.json from; unset: re-read data/aws-ip-ranges.json. */
  SIGHTLINE_AWS_IP_RANGES_URL: z.string().url().optional(),
  /** Telegram Bot API base URL. */
  SIGHTLINE_TELEGRAM_API: z.string().url().default("https://api.telegram.org"),
  COGNITO_USER_POOL_ID: z.string().optional(),
  COGNITO_CLIENT_ID: z.string().optional(),
  AWS_REGION: z.string().optional(),
});
export type Env = z.infer<typeof Env> & { dataDir: string };

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${detail}`);
  }
  const env = parsed.data;
  if (env.SIGHTLINE_BACKEND === "aws" && (!env.COGNITO_USER_POOL_ID || !env.COGNITO_CLIENT_ID)) {
    throw new Error("Invalid configuration: the aws backend needs COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID");
  }
  return { ...env, dataDir: path.resolve(env.SIGHTLINE_DATA_DIR) };
}

let cached: Env | undefined;
/** Process-wide configuration, parsed once. */
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
