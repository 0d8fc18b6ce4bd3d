// CloudWatch alarms, as plain data (infra/monitoring.ts creates them, all notifying one SNS topic).

export interface AlarmSpec {
  name: string;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  statistic: "Sum" | "Maximum" | "Average";
  periodSeconds: number;
  threshold: number;
  comparison: "GreaterThanOrEqualToThreshold" | "GreaterThanThreshold";
  evaluationPeriods: number;
  /** A missing metric is not an alarm (idle functions report nothing). */
  treatMissingData: "notBreaching";
  why: string;
}

const alarm = (
  a: Omit<AlarmSpec, "treatMissingData" | "evaluationPeriods"> & { evaluationPeriods?: number },
): AlarmSpec => ({
  evaluationPeriods: 1,
  treatMissingData: "notBreaching",
  ...a,
});

export function alarmSpecs(o: {
  functions: Record<string, string>;
  queues: Record<string, string>;
  stateMachines: Record<string, string>;
  apiId: string;
}): AlarmSpec[] {
  return [...runtimeAlarms(o), ...pipelineAlarms(o.apiId)];
}

/** Per resource: a Lambda that throws or is throttled, a DLQ with messages, a failed execution. */
function runtimeAlarms(
  o: Pick<Parameters<typeof alarmSpecs>[0], "functions" | "queues" | "stateMachines">,
): AlarmSpec[] {
  return [
    ...Object.entries(o.functions).flatMap(([id, name]) => [
      alarm({
        name: `${id}-errors`,
        namespace: "AWS/Lambda",
        metricName: "Errors",
        dimensions: { FunctionName: name },
        statistic: "Sum",
        periodSeconds: 300,
        threshold: 1,
        comparison: "GreaterThanOrEqualToThreshold",
        why: `${id} threw`,
      }),
      alarm({
        name: `${id}-throttles`,
        namespace: "AWS/Lambda",
        metricName: "Throttles",
        dimensions: { FunctionName: name },
        statistic: "Sum",
        periodSeconds: 300,
        threshold: 1,
        comparison: "GreaterThanOrEqualToThreshold",
        why: `${id} was throttled (concurrency)`,
      }),
    ]),
    ...Object.entries(o.queues).map(([id, name]) =>
      alarm({
        name: `${id}-depth`,
        namespace: "AWS/SQS",
        metricName: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: name },
        statistic: "Maximum",
        periodSeconds: 300,
        threshold: 1,
        comparison: "GreaterThanOrEqualToThreshold",
        why: `${id}: events that failed all retries are waiting`,
      }),
    ),
    ...Object.entries(o.stateMachines).map(([id, arn]) =>
      alarm({
        name: `${id}-failed`,
        namespace: "AWS/States",
        metricName: "ExecutionsFailed",
        dimensions: { StateMachineArn: arn },
        statistic: "Sum",
        periodSeconds: 300,
        threshold: 1,
        comparison: "GreaterThanOrEqualToThreshold",
        why: `${id} executions failed (incident failures are also on the incident)`,
      }),
    ),
  ];
}

/** The clickstream pipeline as a whole: loading falls behind, or collection answers 5xx. */
function pipelineAlarms(apiId: string): AlarmSpec[] {
  return [
    alarm({
      name: "clickstream-etl-lag",
      namespace: "Sightline",
      metricName: "ClickstreamEtlLagSeconds",
      dimensions: {},
      statistic: "Maximum",
      periodSeconds: 900,
      threshold: 2 * 3600,
      comparison: "GreaterThanThreshold",
      evaluationPeriods: 2,
      why: "the newest loaded hour is more than two hours behind",
    }),
    alarm({
      name: "collect-api-5xx",
      namespace: "AWS/ApiGateway",
      metricName: "5xx",
      dimensions: { ApiId: apiId },
      statistic: "Sum",
      periodSeconds: 300,
      threshold: 5,
      comparison: "GreaterThanOrEqualToThreshold",
      why: "the collect endpoint answers 5xx (events may be lost client-side after retries)",
    }),
  ];
}
