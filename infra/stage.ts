// Per-stage settings and the regions the stack is known to deploy to (plain data; tests read it).

/**
 * Regions with every service the stack uses (CloudFront + WAF are global; Aurora Serverless v2,
 * Athena, Glue, GuardDuty, SES v2, Step Functions, EventBridge, API Gateway HTTP APIs, SSM).
 */
export const SUPPORTED_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "eu-west-1",
  "eu-central-1",
  "eu-north-1",
  "ap-southeast-2",
  "ap-northeast-1",
] as const;

export interface StageSettings {
  production: boolean;
  /** Cognito MFA: required in production, optional elsewhere. */
  mfa: "on" | "optional";
  /** Optional custom domain (Route 53 hosted zone in the account). */
  domain: string | null;
  /** GuardDuty score from which incident response starts. */
  incidentThreshold: number;
  /** Requests per 5 minutes per IP before WAF blocks. */
  wafRateLimit: number;
  /** Athena: queries stop after scanning this many bytes. */
  athenaBytesCutoff: number;
  aurora: { minAcu: number; maxAcu: number };
  /** Sites allowed to send clickstream events. */
  collectOrigins: string[];
  /** Days before raw logs move to infrequent access, and before they expire. */
  rawLogs: { iaDays: number; expireDays: number };
}

export function stageSettings(stage: string, env: Record<string, string | undefined> = process.env): StageSettings {
  const production = stage === "production";
  return {
    production,
    mfa: production ? "on" : "optional",
    domain: env.SIGHTLINE_DOMAIN || null,
    incidentThreshold: Number(env.SIGHTLINE_INCIDENT_THRESHOLD ?? 7),
    wafRateLimit: production ? 2000 : 1000,
    athenaBytesCutoff: (production ? 100 : 10) * 1024 ** 3,
    aurora: production ? { minAcu: 0.5, maxAcu: 8 } : { minAcu: 0, maxAcu: 2 },
    collectOrigins: (env.SIGHTLINE_COLLECT_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    rawLogs: production ? { iaDays: 30, expireDays: 400 } : { iaDays: 30, expireDays: 90 },
  };
}
