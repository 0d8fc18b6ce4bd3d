import path from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import type { Env } from "@/lib/env";
import type { IncidentDeps } from "@/lib/incidents/workflow-handlers";
import type { NotifyDeps } from "@/lib/notify/notify";
import { SecretBox } from "@/lib/notify/secret-box";
import type { Database } from "@/lib/ports/database";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import { AwsCloudControls } from "./aws/aws-cloud-controls";
import { S3ObjectStore } from "./aws/s3-object-store";
import { SesEmailSender } from "./aws/ses-email";
import { FsObjectStore } from "./local/fs-object-store";
import { SimulatedCloud } from "./local/simulated-cloud";

/** Notification dependencies: the sealed-secret key, transports and, in AWS, SES for e-mail. */
export function notifyDepsFor(env: Env, db: Database): NotifyDeps {
  const aws = env.SIGHTLINE_BACKEND === "aws";
  const secrets = env.SIGHTLINE_CHANNEL_SECRET_KEY
    ? SecretBox.fromBase64(env.SIGHTLINE_CHANNEL_SECRET_KEY)
    : aws
      ? (() => {
          throw new Error("the aws backend needs SIGHTLINE_CHANNEL_SECRET_KEY");
        })()
      : SecretBox.forDataDir(env.dataDir);
  return {
    db,
    secrets,
    transport: {
      appUrl: env.SIGHTLINE_APP_URL ?? (aws ? null : `http://localhost:${env.PORT}`),
      telegramApiBase: env.SIGHTLINE_TELEGRAM_API,
      email: aws ? new SesEmailSender() : null,
      emailFrom: env.SIGHTLINE_NOTIFY_FROM,
    },
  };
}

/** Incident-response dependencies: the simulated estate locally, the SDK-backed one in AWS. */
export function incidentDepsFor(env: Env, db: Database, lake: LakeQueryEngine | null): IncidentDeps {
  const aws = env.SIGHTLINE_BACKEND === "aws";
  const evidence = aws
    ? new S3ObjectStore(new S3Client({ region: env.AWS_REGION }), env.SIGHTLINE_EVIDENCE_BUCKET ?? "")
    : new FsObjectStore(path.join(env.dataDir, "evidence"));
  return {
    db,
    cloud: aws ? new AwsCloudControls({ region: env.AWS_REGION }) : new SimulatedCloud(db, evidence),
    evidence,
    notify: notifyDepsFor(env, db),
    lake,
    config: {
      approvalSeconds: env.SIGHTLINE_INCIDENT_APPROVAL_SECONDS,
      pollSeconds: env.SIGHTLINE_SSM_POLL_SECONDS,
      maxPolls: 60,
      evidenceBucket: aws ? (env.SIGHTLINE_EVIDENCE_BUCKET ?? null) : null,
      quarantineProfileArn: env.SIGHTLINE_QUARANTINE_PROFILE_ARN ?? null,
    },
  };
}
