// The lake: Glue database and tables with partition projection (the same TableInput the ETL Lambda
// keeps registered, lib/lake/glue.ts), an Athena workgroup that enforces its result location,
// encryption and a bytes-scanned cutoff, and the lake ETL function on raw-bucket notifications.
import { glueTableInput } from "../lib/lake/glue";
import { TABLE_NAMES } from "../lib/lake/tables";
import type { StageSettings } from "./stage";

export function lake(o: {
  settings: StageSettings;
  rawBucket: aws.s3.BucketV2;
  lakeBucket: aws.s3.BucketV2;
  resultsBucket: aws.s3.BucketV2;
  key: aws.kms.Key;
  etl: sst.aws.Function;
  dlq: sst.aws.Queue;
}) {
  const database = new aws.glue.CatalogDatabase("LakeDb", { name: `sightline_${$app.stage.replace(/-/g, "_")}` });
  for (const table of TABLE_NAMES) {
    const t = o.lakeBucket.bucket.apply((bucket) => glueTableInput(table, { bucket, projectionStart: "2024-01-01" }));
    new aws.glue.CatalogTable(`Lake-${table}`, {
      databaseName: database.name,
      name: table,
      tableType: "EXTERNAL_TABLE",
      parameters: t.Parameters,
      partitionKeys: t.PartitionKeys.apply((ks) => ks.map((k) => ({ name: k.Name, type: k.Type }))),
      storageDescriptor: {
        location: t.StorageDescriptor.Location,
        inputFormat: t.StorageDescriptor.InputFormat,
        outputFormat: t.StorageDescriptor.OutputFormat,
        compressed: true,
        serDeInfo: { serializationLibrary: t.StorageDescriptor.SerdeInfo.SerializationLibrary },
        columns: t.StorageDescriptor.Columns.apply((cs) =>
          cs.map((c) => ({ name: c.Name, type: c.Type, comment: c.Comment })),
        ),
      },
    });
  }
  const workgroup = new aws.athena.Workgroup("Athena", {
    name: `sightline-${$app.stage}`,
    forceDestroy: !o.settings.production,
    configuration: {
      enforceWorkgroupConfiguration: true,
      publishCloudwatchMetricsEnabled: true,
      bytesScannedCutoffPerQuery: o.settings.athenaBytesCutoff,
      resultConfiguration: {
        outputLocation: $interpolate`s3://${o.resultsBucket.bucket}/results/`,
        encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: o.key.arn },
      },
    },
  });
  // Raw objects → lake ETL; failed async invocations (after Lambda's retries) → the DLQ.
  new aws.lambda.FunctionEventInvokeConfig("LakeEtlAsync", {
    functionName: o.etl.name,
    maximumRetryAttempts: 2,
    destinationConfig: { onFailure: { destination: o.dlq.arn } },
  });
  // S3 checks it may invoke the function when the notification is created: the permission first.
  const invoke = new aws.lambda.Permission("LakeEtlFromS3", {
    action: "lambda:InvokeFunction",
    function: o.etl.name,
    principal: "s3.amazonaws.com",
    sourceArn: o.rawBucket.arn,
  });
  new aws.s3.BucketNotification(
    "RawLogsNotify",
    {
      bucket: o.rawBucket.id,
      lambdaFunctions: [{ lambdaFunctionArn: o.etl.arn, events: ["s3:ObjectCreated:*"], filterPrefix: "AWSLogs/" }],
    },
    { dependsOn: [invoke] },
  );
  return { database, workgroup };
}
