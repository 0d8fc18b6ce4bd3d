// Clickstream: HTTP API POST /collect → ingest function (throttled, CORS to the site origins), and
// the hourly warehouse ETL (in the VPC; S3 via the gateway endpoint), failures to a DLQ.
import type { StageSettings } from "./stage";

export function clickstream(o: {
  settings: StageSettings;
  collect: sst.aws.Function;
  etl: sst.aws.Function;
  dlq: sst.aws.Queue;
}) {
  const api = new sst.aws.ApiGatewayV2("CollectApi", {
    cors: {
      allowOrigins: o.settings.collectOrigins.length ? o.settings.collectOrigins : ["https://example.invalid"],
      allowMethods: ["POST", "OPTIONS"],
      allowHeaders: ["content-type"],
      maxAge: "1 day",
    },
    transform: {
      stage: (args) => {
        args.defaultRouteSettings = { throttlingBurstLimit: 2000, throttlingRateLimit: 1000 };
      },
    },
  });
  api.route("POST /collect", o.collect.arn);
  new sst.aws.CronV2("ClickstreamHourly", { schedule: "cron(5 * * * ? *)", function: o.etl.arn });
  new aws.lambda.FunctionEventInvokeConfig("ClickstreamEtlAsync", {
    functionName: o.etl.name,
    maximumRetryAttempts: 2,
    destinationConfig: { onFailure: { destination: o.dlq.arn } },
  });
  return { api };
}
