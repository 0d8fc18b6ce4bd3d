/// <reference path="./.sst/platform/config.d.ts" />

// Thin on purpose: the `sst` CLI cannot run in our CI, so everything deployed is built by plain
// modules under infra/ (and the app's lib/) that the tests import and check: ASL files, IAM
// documents (infra/policies.ts, infra/functions.ts), bucket settings (infra/buckets.ts), WAF rules,
// alarms and VPC endpoints. This file wires them together; SST wants its imports inside `run`.
export default $config({
  app(input) {
    return {
      name: "sightline",
      home: "aws",
      removal: input?.stage === "production" ? "retain" : "remove",
      protect: input?.stage === "production",
      providers: { aws: "7.20.0", random: "4.16.6" },
    };
  },
  async run() {
    const infra = await loadInfra();
    const settings = infra.stageSettings($app.stage);
    const { key, buckets } = infra.storage(settings);
    // The web server, the dispatcher and access-key containment need the internet (infra/endpoints.ts).
    const { vpc } = infra.network({ production: settings.production });
    const data = infra.database(vpc, settings);
    const lakeDlq = new sst.aws.Queue("LakeEtlDlq");
    const clickstreamDlq = new sst.aws.Queue("ClickstreamEtlDlq");
    const names = {
      glueDatabase: `sightline_${$app.stage.replace(/-/g, "_")}`,
      athenaWorkgroup: `sightline-${$app.stage}`,
    };
    const environment = appEnvironment(infra, { settings, data, buckets, names, channelKey: channelSecretKey() });
    const [account, region] = [aws.getCallerIdentityOutput({}).accountId, aws.getRegionOutput({}).name];

    const reviews = infra.applicationReview({ vpc, environment });
    const incidents = infra.incidentResponse({
      vpc,
      environment,
      evidenceBucket: buckets.Evidence.bucket,
      threshold: settings.incidentThreshold,
      lakePermissions: incidentLakePermissions(infra, { account, region, key, buckets, names }),
    });
    const refs = stackRefs({
      account,
      region,
      key,
      names,
      dlqs: [lakeDlq, clickstreamDlq],
      buckets,
      reviews,
      incidents,
    });
    const fns = lambdaFunctions(infra, { vpc, environment, data, refs });

    const lakeParts = infra.lake({
      settings,
      rawBucket: buckets.RawLogs,
      lakeBucket: buckets.ProcessedLake,
      resultsBucket: buckets.AthenaResults,
      key,
      etl: fns.LakeEtl,
      dlq: lakeDlq,
    });
    const cs = infra.clickstream({ settings, collect: fns.Collect, etl: fns.ClickstreamEtl, dlq: clickstreamDlq });
    new sst.aws.CronV2("FindingDispatchEveryMinute", { schedule: "rate(1 minute)", function: fns.FindingDispatch.arn });

    const site = infra.web({
      settings,
      vpc,
      environment: {
        ...environment,
        SIGHTLINE_APPLICATION_REVIEW_ARN: reviews.arn,
        SIGHTLINE_INCIDENT_RESPONSE_ARN: incidents.response.arn,
        SIGHTLINE_INCIDENT_RELEASE_ARN: incidents.release.arn,
      },
      link: [infra.auth.userPool, infra.auth.webClient],
      permissions: refs.apply((r) => infra.toPermissions(infra.webPolicy(r))),
    });
    infra.monitoring({
      functions: fns,
      queues: { LakeEtlDlq: lakeDlq, ClickstreamEtlDlq: clickstreamDlq },
      stateMachines: stateMachinesOf(reviews, incidents),
      api: cs.api,
    });

    return {
      url: site.router.url,
      collectUrl: $interpolate`${cs.api.url}/collect`,
      userPoolId: infra.auth.userPool.id,
      userPoolClientId: infra.auth.webClient.id,
      glueDatabase: lakeParts.database.name,
      athenaWorkgroup: lakeParts.workgroup.name,
      rawLogsBucket: buckets.RawLogs.bucket,
    };
  },
});

/** The infra modules, loaded the way SST requires (dynamic imports at run time). */
async function loadInfra() {
  return {
    ...(await import("./infra/stage")),
    ...(await import("./infra/auth")),
    ...(await import("./infra/storage")),
    ...(await import("./infra/network")),
    ...(await import("./infra/database")),
    ...(await import("./infra/functions")),
    ...(await import("./infra/policies")),
    ...(await import("./infra/workflows")),
    ...(await import("./infra/lake")),
    ...(await import("./infra/clickstream")),
    ...(await import("./infra/web")),
    ...(await import("./infra/monitoring")),
  };
}
type Infra = Awaited<ReturnType<typeof loadInfra>>;
type StackRefs = Parameters<Infra["FUNCTIONS"][number]["policy"]>[0];
type Storage = ReturnType<Infra["storage"]>;
type Names = { glueDatabase: string; athenaWorkgroup: string };

/** 32 random bytes that seal notification channel secrets, kept in Secrets Manager. */
function channelSecretKey() {
  const channelKey = new random.RandomBytes("ChannelSecretKey", { length: 32 });
  const channelSecret = new aws.secretsmanager.Secret("ChannelSecretKeySecret", {
    description: "Seals notification channel secrets (webhook URLs, bot tokens)",
  });
  new aws.secretsmanager.SecretVersion("ChannelSecretKeyValue", {
    secretId: channelSecret.id,
    secretString: channelKey.base64,
  });
  return channelKey;
}

/** The environment every function and the web server share (lib/env.ts reads it). */
function appEnvironment(
  infra: Infra,
  o: {
    settings: ReturnType<Infra["stageSettings"]>;
    data: ReturnType<Infra["database"]>;
    buckets: Storage["buckets"];
    names: Names;
    channelKey: random.RandomBytes;
  },
) {
  const { DATABASE_TLS_ENV } = infra;
  const { data, buckets } = o;
  const environment = {
    ...DATABASE_TLS_ENV,
    DATABASE_URL: data.appUrl,
    COGNITO_USER_POOL_ID: infra.auth.userPool.id,
    COGNITO_CLIENT_ID: infra.auth.webClient.id,
    SIGHTLINE_LAKE_BUCKET: buckets.ProcessedLake.bucket,
    SIGHTLINE_CLICKSTREAM_BUCKET: buckets.ClickstreamRaw.bucket,
    SIGHTLINE_EVIDENCE_BUCKET: buckets.Evidence.bucket,
    SIGHTLINE_GLUE_DATABASE: o.names.glueDatabase,
    SIGHTLINE_ATHENA_WORKGROUP: o.names.athenaWorkgroup,
    SIGHTLINE_CHANNEL_SECRET_KEY: o.channelKey.base64.apply((b) =>
      b.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""),
    ),
    SIGHTLINE_COLLECT_ORIGINS: o.settings.collectOrigins.join(","),
  };
  return environment;
}

/** What incident-response's lake queries may touch: Athena, the processed lake and its results. */
function incidentLakePermissions(
  infra: Infra,
  o: {
    account: $util.Output<string>;
    region: $util.Output<string>;
    key: Storage["key"];
    buckets: Storage["buckets"];
    names: Names;
  },
) {
  return $resolve([
    o.account,
    o.region,
    o.buckets.ProcessedLake.bucket,
    o.buckets.AthenaResults.bucket,
    o.key.arn,
  ]).apply(([a, r, lakeBucket, results, k]) =>
    infra.toPermissions(
      infra.incidentLakePolicy({
        account: a,
        region: r,
        kmsKeyArn: k,
        ...o.names,
        dlqArns: { lake: "", clickstream: "" },
        stateMachines: { applicationReview: "", incidentResponse: "", incidentRelease: "" },
        buckets: { RawLogs: "", ProcessedLake: lakeBucket, ClickstreamRaw: "", Evidence: "", AthenaResults: results },
      }),
    ),
  );
}

/** The state machines by the names their alarms carry. */
const stateMachinesOf = (
  reviews: ReturnType<Infra["applicationReview"]>,
  incidents: ReturnType<Infra["incidentResponse"]>,
) => ({ ApplicationReview: reviews, IncidentResponse: incidents.response, IncidentRelease: incidents.release });

/** Everything the IAM documents are scoped to, resolved once the resources have their names. */
function stackRefs(o: {
  account: $util.Output<string>;
  region: $util.Output<string>;
  key: Storage["key"];
  names: Names;
  dlqs: [sst.aws.Queue, sst.aws.Queue];
  buckets: Storage["buckets"];
  reviews: ReturnType<Infra["applicationReview"]>;
  incidents: ReturnType<Infra["incidentResponse"]>;
}) {
  return $resolve({
    account: o.account,
    region: o.region,
    kmsKeyArn: o.key.arn,
    dlqArns: $resolve({ lake: o.dlqs[0].arn, clickstream: o.dlqs[1].arn }),
    buckets: $resolve(Object.fromEntries(Object.entries(o.buckets).map(([k, b]) => [k, b.bucket]))),
    stateMachines: $resolve({
      applicationReview: o.reviews.arn,
      incidentResponse: o.incidents.response.arn,
      incidentRelease: o.incidents.release.arn,
    }),
  }).apply((r) => ({ ...r, ...o.names }) as StackRefs);
}

/** One Lambda per entry of infra/functions.ts, then the migrations run on every deploy. */
function lambdaFunctions(
  infra: Infra,
  o: {
    vpc: ReturnType<Infra["network"]>["vpc"];
    environment: ReturnType<typeof appEnvironment>;
    data: ReturnType<Infra["database"]>;
    refs: $util.Output<StackRefs>;
  },
) {
  const { vpc, environment, data, refs } = o;
  const etlUrl = { DATABASE_URL: data.etlUrl };
  const fns = Object.fromEntries(
    infra.FUNCTIONS.map((spec) => [
      spec.id,
      new sst.aws.Function(spec.id, {
        handler: spec.handler,
        runtime: "nodejs22.x",
        timeout: `${spec.timeoutSeconds} seconds`,
        memory: `${spec.memoryMb} MB`,
        ...(spec.vpc ? { vpc } : {}),
        ...(spec.copyFiles ? { copyFiles: spec.copyFiles } : {}),
        nodejs: {
          ...(spec.install ? { install: spec.install } : {}),
          esbuild: { external: [...infra.BUNDLE_EXTERNAL] },
        },
        environment: {
          SIGHTLINE_BACKEND: "aws",
          ...environment,
          ...(spec.id === "LakeEtl" || spec.id === "ClickstreamEtl" ? etlUrl : {}),
          ...(spec.id === "Migrate"
            ? {
                DATABASE_URL: data.ownerUrl,
                SIGHTLINE_APP_DB_PASSWORD: data.passwords.app,
                SIGHTLINE_ETL_DB_PASSWORD: data.passwords.etl,
              }
            : {}),
        },
        permissions: refs.apply((r) => infra.toPermissions(spec.policy(r))),
      }),
    ]),
  ) as Record<Infra["FUNCTIONS"][number]["id"], sst.aws.Function>;
  // Migrations and grants run on every deploy (the input changes each time).
  new aws.lambda.Invocation("RunMigrations", {
    functionName: fns.Migrate.name,
    input: JSON.stringify({ deployedAt: new Date().toISOString() }),
  });
  return fns;
}
