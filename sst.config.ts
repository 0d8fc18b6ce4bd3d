/// <reference path="./.sst/platform/config.d.ts" />

// Thin on purpose: the `sst` CLI cannot run in our CI, so everything deployed is built by plain
// modules under infra/ (and the app's lib/) that the tests import and check: ASL files, IAM
// documents (infra/policies.ts, infra/functions.ts), bucket settings (infra/buckets.ts), WAF rules,
// alarms and VPC endpoints. This file wires them together.
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
    const { stageSettings } = await import("./infra/stage");
    const { auth } = await import("./infra/auth");
    const { storage } = await import("./infra/storage");
    const { network } = await import("./infra/network");
    const { database } = await import("./infra/database");
    const { FUNCTIONS, BUNDLE_EXTERNAL, DATABASE_TLS_ENV, webPolicy, incidentLakePolicy } = await import(
      "./infra/functions"
    );
    const { toPermissions } = await import("./infra/policies");
    const { applicationReview, incidentResponse } = await import("./infra/workflows");
    const { lake } = await import("./infra/lake");
    const { clickstream } = await import("./infra/clickstream");
    const { web } = await import("./infra/web");
    const { monitoring } = await import("./infra/monitoring");

    const settings = stageSettings($app.stage);
    const { key, buckets } = storage(settings);
    // The web server, the dispatcher and access-key containment need the internet (infra/endpoints.ts).
    const { vpc } = network({ production: settings.production });
    const data = database(vpc, settings);
    const lakeDlq = new sst.aws.Queue("LakeEtlDlq");
    const clickstreamDlq = new sst.aws.Queue("ClickstreamEtlDlq");
    const channelKey = new random.RandomBytes("ChannelSecretKey", { length: 32 });
    const channelSecret = new aws.secretsmanager.Secret("ChannelSecretKeySecret", {
      description: "Seals notification channel secrets (webhook URLs, bot tokens)",
    });
    new aws.secretsmanager.SecretVersion("ChannelSecretKeyValue", {
      secretId: channelSecret.id,
      secretString: channelKey.base64,
    });
    const glueDatabase = `sightline_${$app.stage.replace(/-/g, "_")}`;
    const athenaWorkgroup = `sightline-${$app.stage}`;

    const environment = {
      ...DATABASE_TLS_ENV,
      DATABASE_URL: data.appUrl,
      COGNITO_USER_POOL_ID: auth.userPool.id,
      COGNITO_CLIENT_ID: auth.webClient.id,
      SIGHTLINE_LAKE_BUCKET: buckets.ProcessedLake.bucket,
      SIGHTLINE_CLICKSTREAM_BUCKET: buckets.ClickstreamRaw.bucket,
      SIGHTLINE_EVIDENCE_BUCKET: buckets.Evidence.bucket,
      SIGHTLINE_GLUE_DATABASE: glueDatabase,
      SIGHTLINE_ATHENA_WORKGROUP: athenaWorkgroup,
      SIGHTLINE_CHANNEL_SECRET_KEY: channelKey.base64.apply((b) =>
        b.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""),
      ),
      SIGHTLINE_COLLECT_ORIGINS: settings.collectOrigins.join(","),
    };
    const account = aws.getCallerIdentityOutput({}).accountId;
    const region = aws.getRegionOutput({}).name;
    const lakeRefs = $resolve([
      account,
      region,
      buckets.ProcessedLake.bucket,
      buckets.AthenaResults.bucket,
      key.arn,
    ]).apply(([a, r, lakeBucket, results, k]) =>
      toPermissions(
        incidentLakePolicy({
          account: a,
          region: r,
          kmsKeyArn: k,
          glueDatabase,
          athenaWorkgroup,
          dlqArns: { lake: "", clickstream: "" },
          stateMachines: { applicationReview: "", incidentResponse: "", incidentRelease: "" },
          buckets: { RawLogs: "", ProcessedLake: lakeBucket, ClickstreamRaw: "", Evidence: "", AthenaResults: results },
        }),
      ),
    );

    const reviews = applicationReview({ vpc, environment });
    const incidents = incidentResponse({
      vpc,
      environment,
      evidenceBucket: buckets.Evidence.bucket,
      threshold: settings.incidentThreshold,
      lakePermissions: lakeRefs,
    });

    const refs = $resolve({
      account,
      region,
      kmsKeyArn: key.arn,
      dlqArns: $resolve({ lake: lakeDlq.arn, clickstream: clickstreamDlq.arn }),
      buckets: $resolve(Object.fromEntries(Object.entries(buckets).map(([k, b]) => [k, b.bucket]))),
      stateMachines: $resolve({
        applicationReview: reviews.arn,
        incidentResponse: incidents.response.arn,
        incidentRelease: incidents.release.arn,
      }),
    }).apply((r) => ({ ...r, glueDatabase, athenaWorkgroup }) as Parameters<(typeof FUNCTIONS)[number]["policy"]>[0]);

    const etlUrl = { DATABASE_URL: data.etlUrl };
    const fns = Object.fromEntries(
      FUNCTIONS.map((spec) => [
        spec.id,
        new sst.aws.Function(spec.id, {
          handler: spec.handler,
          runtime: "nodejs22.x",
          timeout: `${spec.timeoutSeconds} seconds`,
          memory: `${spec.memoryMb} MB`,
          ...(spec.vpc ? { vpc } : {}),
          ...(spec.copyFiles ? { copyFiles: spec.copyFiles } : {}),
          nodejs: { ...(spec.install ? { install: spec.install } : {}), esbuild: { external: [...BUNDLE_EXTERNAL] } },
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
          permissions: refs.apply((r) => toPermissions(spec.policy(r))),
        }),
      ]),
    ) as Record<(typeof FUNCTIONS)[number]["id"], sst.aws.Function>;

    // Migrations and grants run on every deploy (the input changes each time).
    new aws.lambda.Invocation("RunMigrations", {
      functionName: fns.Migrate.name,
      input: JSON.stringify({ deployedAt: new Date().toISOString() }),
    });

    const lakeParts = lake({
      settings,
      rawBucket: buckets.RawLogs,
      lakeBucket: buckets.ProcessedLake,
      resultsBucket: buckets.AthenaResults,
      key,
      etl: fns.LakeEtl,
      dlq: lakeDlq,
    });
    const cs = clickstream({ settings, collect: fns.Collect, etl: fns.ClickstreamEtl, dlq: clickstreamDlq });
    new sst.aws.CronV2("FindingDispatchEveryMinute", { schedule: "rate(1 minute)", function: fns.FindingDispatch.arn });

    const site = web({
      settings,
      vpc,
      environment: {
        ...environment,
        SIGHTLINE_APPLICATION_REVIEW_ARN: reviews.arn,
        SIGHTLINE_INCIDENT_RESPONSE_ARN: incidents.response.arn,
        SIGHTLINE_INCIDENT_RELEASE_ARN: incidents.release.arn,
      },
      link: [auth.userPool, auth.webClient],
      permissions: refs.apply((r) => toPermissions(webPolicy(r))),
    });
    monitoring({
      functions: fns,
      queues: { LakeEtlDlq: lakeDlq, ClickstreamEtlDlq: clickstreamDlq },
      stateMachines: {
        ApplicationReview: reviews,
        IncidentResponse: incidents.response,
        IncidentRelease: incidents.release,
      },
      api: cs.api,
    });

    return {
      url: site.router.url,
      collectUrl: $interpolate`${cs.api.url}/collect`,
      userPoolId: auth.userPool.id,
      userPoolClientId: auth.webClient.id,
      glueDatabase: lakeParts.database.name,
      athenaWorkgroup: lakeParts.workgroup.name,
      rawLogsBucket: buckets.RawLogs.bucket,
    };
  },
});
