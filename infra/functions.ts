// Every Lambda the stack deploys besides the state machines' task functions (those come from the
// ASL placeholders, infra/workflows.ts): handler, network placement and least-privilege policy.
// Plain data: infra/*.ts create the functions from it; tests check handlers and policies.
import type { BucketId } from "./buckets";
import type { PolicyDocument, Statement } from "./policies";

export interface StackRefs {
  account: string;
  region: string;
  buckets: Record<BucketId, string>;
  kmsKeyArn: string;
  glueDatabase: string;
  athenaWorkgroup: string;
  stateMachines: { applicationReview: string; incidentResponse: string; incidentRelease: string };
  /** The failure-destination queue of each asynchronously invoked function. */
  dlqArns: { lake: string; clickstream: string };
}

export interface FunctionSpec {
  id: string;
  /** `file.export` under the repo root, as SST takes it. */
  handler: string;
  purpose: string;
  /** In the VPC (it talks to the database); otherwise it stays outside (no NAT needed). */
  vpc: boolean;
  timeoutSeconds: number;
  memoryMb: number;
  /** The IAM actions of the SDK calls it makes (a test checks each is a call our adapters send, and that the policy allows exactly these). */
  calls: readonly string[];
  policy: (r: StackRefs) => PolicyDocument;
  /** Files the bundle does not carry, copied next to it (paths relative to the repo root). */
  copyFiles?: { from: string; to: string }[];
  /**
   * Packages installed into the bundle instead of bundled (native addons esbuild cannot bundle),
   * for the Lambda's platform (linux x64).
   */
  install?: string[];
  /** Its failure destination when invoked asynchronously (the queue its policy lets it send to). */
  dlq?: keyof StackRefs["dlqArns"];
}

/**
 * Left out of every Lambda bundle: the embedded database is for the local backend only (in AWS
 * every function has DATABASE_URL, so the code that would load it never runs), and bundling it
 * would ship megabytes of WebAssembly in each function.
 */
export const BUNDLE_EXTERNAL = ["@electric-sql/pglite", "@electric-sql/pglite-socket"] as const;

/**
 * Every function, and the web server, that connects to the database: Aurora's TLS certificate is
 * signed by the RDS CA, which Lambda's Node 20+ runtimes no longer trust unless told to load it.
 */
export const DATABASE_TLS_ENV = { NODE_EXTRA_CA_CERTS: "/var/runtime/ca-cert.pem" } as const;

const bucketArn = (name: string) => `arn:aws:s3:::${name}`;
const s3Read = (name: string, prefix = ""): Statement[] => [
  { Effect: "Allow", Action: ["s3:GetObject"], Resource: [`${bucketArn(name)}/${prefix}*`] },
  { Effect: "Allow", Action: ["s3:ListBucket"], Resource: [bucketArn(name)] },
];
const s3Write = (name: string, prefix = ""): Statement => ({
  Effect: "Allow",
  Action: ["s3:PutObject"],
  Resource: [`${bucketArn(name)}/${prefix}*`],
});
const kms = (r: StackRefs): Statement => ({
  Effect: "Allow",
  Action: ["kms:Decrypt", "kms:GenerateDataKey"],
  Resource: [r.kmsKeyArn],
});
const doc = (...s: Statement[]): PolicyDocument => ({ Version: "2012-10-17", Statement: s });
/** The Glue catalog, the lake's database and its tables (Glue authorizes table calls on all three). */
const glueLake = (r: StackRefs): string[] => [
  `arn:aws:glue:${r.region}:${r.account}:catalog`,
  `arn:aws:glue:${r.region}:${r.account}:database/${r.glueDatabase}`,
  `arn:aws:glue:${r.region}:${r.account}:table/${r.glueDatabase}/*`,
];
const glueRead = (r: StackRefs): Statement => ({
  Effect: "Allow",
  Action: ["glue:GetTable", "glue:GetDatabase", "glue:GetPartitions"],
  Resource: glueLake(r),
});
/** Athena queries in the stack's workgroup, reading the lake and writing results. */
const athena = (r: StackRefs): Statement[] => [
  {
    Effect: "Allow",
    Action: [
      "athena:StartQueryExecution",
      "athena:GetQueryExecution",
      "athena:GetQueryResults",
      "athena:StopQueryExecution",
    ],
    Resource: [`arn:aws:athena:${r.region}:${r.account}:workgroup/${r.athenaWorkgroup}`],
  },
  glueRead(r),
  ...s3Read(r.buckets.ProcessedLake, "processed/"),
  ...s3Read(r.buckets.AthenaResults),
  s3Write(r.buckets.AthenaResults),
  {
    // Athena asks where the results and lake buckets are on the caller's behalf.
    Effect: "Allow",
    Action: ["s3:GetBucketLocation"],
    Resource: [bucketArn(r.buckets.AthenaResults), bucketArn(r.buckets.ProcessedLake)],
  },
];

/** What a function writing Parquet into the lake sends: it lists, reads, puts and deletes files, and keeps their Glue tables. */
const LAKE_WRITER_CALLS = [
  "s3:GetObject",
  "s3:ListBucket",
  "s3:PutObject",
  "s3:DeleteObject",
  "glue:GetTable",
  "glue:CreateTable",
  "glue:UpdateTable",
] as const;

export const FUNCTIONS: FunctionSpec[] = [
  {
    id: "LakeEtl",
    handler: "lib/handlers/lake-etl.handler",
    purpose: "raw-logs ObjectCreated → Parquet in the processed lake, Glue tables kept registered",
    vpc: true,
    timeoutSeconds: 900,
    memoryMb: 3008,
    install: ["@duckdb/node-api", "@duckdb/node-bindings"],
    dlq: "lake",
    calls: LAKE_WRITER_CALLS,
    policy: (r) =>
      doc(
        ...s3Read(r.buckets.RawLogs),
        ...s3Read(r.buckets.ProcessedLake),
        {
          Effect: "Allow",
          Action: ["s3:PutObject", "s3:DeleteObject"],
          Resource: [`${bucketArn(r.buckets.ProcessedLake)}/*`],
        },
        {
          Effect: "Allow",
          Action: ["glue:GetTable", "glue:CreateTable", "glue:UpdateTable"],
          Resource: glueLake(r),
        },
        kms(r),
        { Effect: "Allow", Action: ["sqs:SendMessage"], Resource: [r.dlqArns.lake] },
      ),
  },
  {
    id: "Collect",
    handler: "lib/handlers/collect.handler",
    purpose: "HTTP API POST /collect → raw events in the clickstream bucket",
    vpc: false,
    timeoutSeconds: 10,
    memoryMb: 512,
    calls: ["s3:PutObject"],
    policy: (r) => doc(s3Write(r.buckets.ClickstreamRaw, "events/"), kms(r)),
  },
  {
    id: "ClickstreamEtl",
    handler: "lib/handlers/clickstream-etl.handler",
    purpose: "hourly: raw clickstream events → PostgreSQL warehouse + its columnar copy (Parquet, Glue table)",
    vpc: true,
    timeoutSeconds: 900,
    memoryMb: 2048,
    install: ["@duckdb/node-api", "@duckdb/node-bindings"],
    dlq: "clickstream",
    calls: LAKE_WRITER_CALLS,
    policy: (r) =>
      doc(
        ...s3Read(r.buckets.ClickstreamRaw, "events/"),
        ...s3Read(r.buckets.ProcessedLake, "clickstream/"),
        s3Write(r.buckets.ProcessedLake, "clickstream/"),
        // Compaction deletes the copy's files it merged into one, and the per-session summaries their
        // replacements supersede (never the raw events).
        {
          Effect: "Allow",
          Action: ["s3:DeleteObject"],
          Resource: [
            `${bucketArn(r.buckets.ProcessedLake)}/clickstream/events/*`,
            `${bucketArn(r.buckets.ProcessedLake)}/clickstream/sessions/*`,
          ],
        },
        {
          Effect: "Allow",
          Action: ["glue:GetTable", "glue:CreateTable", "glue:UpdateTable"],
          Resource: glueLake(r),
        },
        kms(r),
        { Effect: "Allow", Action: ["sqs:SendMessage"], Resource: [r.dlqArns.clickstream] },
      ),
  },
  {
    id: "FindingDispatch",
    handler: "lib/handlers/finding-dispatch.handler",
    purpose: "every minute: notify on raised findings (dedup, rate limits, digests)",
    vpc: true,
    timeoutSeconds: 120,
    memoryMb: 512,
    calls: ["ses:SendEmail"],
    policy: (r) =>
      doc({
        Effect: "Allow",
        Action: ["ses:SendEmail"],
        Resource: [`arn:aws:ses:${r.region}:${r.account}:identity/*`],
      }),
  },
  {
    id: "SubmitApplication",
    handler: "lib/handlers/submit-application.handler",
    purpose: "API key holders submit applications → application-review execution",
    vpc: true,
    timeoutSeconds: 15,
    memoryMb: 512,
    calls: ["states:StartExecution"],
    policy: (r) =>
      doc({ Effect: "Allow", Action: ["states:StartExecution"], Resource: [r.stateMachines.applicationReview] }),
  },
  {
    id: "Migrate",
    handler: "lib/handlers/migrate.handler",
    purpose: "on deploy: SQL migrations, then the app and ETL roles and grants",
    copyFiles: [{ from: "lib/db/migrations", to: "lib/db/migrations" }],
    vpc: true,
    timeoutSeconds: 300,
    memoryMb: 512,
    calls: [],
    policy: () => doc(),
  },
];

/** The Next.js server's policy: Athena over the lake, its state machines, evidence and clickstream reads. */
export function webPolicy(r: StackRefs): PolicyDocument {
  const machines = Object.values(r.stateMachines);
  return doc(
    ...athena(r),
    { Effect: "Allow", Action: ["states:StartExecution"], Resource: machines },
    {
      Effect: "Allow",
      Action: ["states:DescribeExecution", "states:GetExecutionHistory"],
      Resource: machines.map((a) => `${a.replace(":stateMachine:", ":execution:")}:*`),
    },
    {
      // Task tokens are not resources: AWS only accepts "*" for SendTask*.
      Effect: "Allow",
      Action: ["states:SendTaskSuccess", "states:SendTaskFailure"],
      Resource: ["*"],
    },
    ...s3Read(r.buckets.ClickstreamRaw, "events/"),
    ...s3Read(r.buckets.Evidence, "incidents/"),
    kms(r),
  );
}

/** The incident task functions also query the lake (recent activity) through Athena. */
export const incidentLakePolicy = (r: StackRefs): PolicyDocument => doc(...athena(r), kms(r));
