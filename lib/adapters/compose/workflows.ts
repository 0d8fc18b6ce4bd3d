import path from "node:path";
import type { SFNClient } from "@aws-sdk/client-sfn";
import { applicationReviewHandlers } from "@/lib/applications/application-review-handlers";
import { DEMO_DENYLIST } from "@/lib/applications/rules";
import type { Env } from "@/lib/env";
import type { IncidentDeps } from "@/lib/incidents/deps";
import { incidentReleaseHandlers } from "@/lib/incidents/incident-release-handlers";
import { incidentResponseHandlers } from "@/lib/incidents/incident-response-handlers";
import type { NotifyDeps } from "@/lib/notify/channel-rows";
import { SecretBox } from "@/lib/notify/secret-box";
import type { Database } from "@/lib/ports/database";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import { AwsCloudControls } from "../aws/aws-cloud-controls";
import { SesEmailSender } from "../aws/ses-email";
import { SfnWorkflowEngine } from "../aws/sfn-workflow-engine";
import { type Bindings, LocalWorkflowEngine } from "../local/local-workflow-engine";
import { SimulatedCloud } from "../local/simulated-cloud";
import { bucketStore, objectStoreAt, s3Client } from "./stores";

const isAws = (env: Pick<Env, "SIGHTLINE_BACKEND">) => env.SIGHTLINE_BACKEND === "aws";

/** The deployed state machines (Step Functions). */
export const stepFunctions = (env: Env, client?: SFNClient) =>
  new SfnWorkflowEngine(
    {
      "application-review": env.SIGHTLINE_APPLICATION_REVIEW_ARN,
      "incident-response": env.SIGHTLINE_INCIDENT_RESPONSE_ARN,
      "incident-release": env.SIGHTLINE_INCIDENT_RELEASE_ARN,
    },
    client ? { client } : { region: env.AWS_REGION },
  );

/** The in-process ASL engine over the app database, with the given Task bindings. */
export const localWorkflowEngine = (db: Database, bindings: Bindings, pollMs?: number) =>
  new LocalWorkflowEngine(db, bindings, pollMs);

/** Every workflow's Task handlers, bound to this process's ports (local engine and Lambdas alike). */
export function workflowBindings(db: Database, incidents: IncidentDeps): Bindings {
  return {
    "application-review": applicationReviewHandlers({ db, denylist: DEMO_DENYLIST }),
    "incident-response": incidentResponseHandlers(incidents),
    "incident-release": incidentReleaseHandlers(incidents),
  };
}

/** Notification dependencies: the sealed-secret key, transports and, in AWS, SES for e-mail. */
export function notifyDeps(env: Env, db: Database): NotifyDeps {
  if (isAws(env) && !env.SIGHTLINE_CHANNEL_SECRET_KEY)
    throw new Error("the aws backend needs SIGHTLINE_CHANNEL_SECRET_KEY");
  const secrets = env.SIGHTLINE_CHANNEL_SECRET_KEY
    ? SecretBox.fromBase64(env.SIGHTLINE_CHANNEL_SECRET_KEY)
    : SecretBox.forDataDir(env.dataDir);
  return {
    db,
    secrets,
    transport: {
      appUrl: env.SIGHTLINE_APP_URL ?? (isAws(env) ? null : `http://localhost:${env.PORT}`),
      telegramApiBase: env.SIGHTLINE_TELEGRAM_API,
      email: isAws(env) ? new SesEmailSender() : null,
      emailFrom: env.SIGHTLINE_NOTIFY_FROM,
    },
  };
}

/** Incident-response dependencies: the simulated estate locally, the SDK-backed one in AWS. */
export function incidentDeps(env: Env, db: Database, lake: LakeQueryEngine | null): IncidentDeps {
  const evidence = isAws(env)
    ? bucketStore(env.SIGHTLINE_EVIDENCE_BUCKET ?? "", s3Client(env))
    : objectStoreAt(path.join(env.dataDir, "evidence"));
  return {
    db,
    cloud: isAws(env) ? new AwsCloudControls({ region: env.AWS_REGION }) : new SimulatedCloud(db, evidence),
    evidence,
    notify: notifyDeps(env, db),
    lake,
    config: {
      approvalSeconds: env.SIGHTLINE_INCIDENT_APPROVAL_SECONDS,
      pollSeconds: env.SIGHTLINE_SSM_POLL_SECONDS,
      maxPolls: 60,
      evidenceBucket: isAws(env) ? (env.SIGHTLINE_EVIDENCE_BUCKET ?? null) : null,
      quarantineProfileArn: env.SIGHTLINE_QUARANTINE_PROFILE_ARN ?? null,
    },
  };
}
