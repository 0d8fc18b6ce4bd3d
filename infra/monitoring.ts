// Alarms (./alarms) on function errors/throttles, DLQ depth, state-machine failures, ETL lag and
// API 5xx, all to one SNS topic for operators.
import { alarmSpecs } from "./alarms";

export function monitoring(o: {
  functions: Record<string, sst.aws.Function>;
  queues: Record<string, sst.aws.Queue>;
  stateMachines: Record<string, aws.sfn.StateMachine>;
  api: sst.aws.ApiGatewayV2;
}) {
  const topic = new sst.aws.SnsTopic("Operators");
  $resolve({
    functions: $resolve(Object.fromEntries(Object.entries(o.functions).map(([k, f]) => [k, f.name]))),
    queues: $resolve(Object.fromEntries(Object.entries(o.queues).map(([k, q]) => [k, q.nodes.queue.name]))),
    stateMachines: $resolve(Object.fromEntries(Object.entries(o.stateMachines).map(([k, s]) => [k, s.arn]))),
    apiId: o.api.nodes.api.id,
  }).apply((names) => {
    for (const a of alarmSpecs(names as Parameters<typeof alarmSpecs>[0]))
      new aws.cloudwatch.MetricAlarm(`Alarm-${a.name}`, {
        namespace: a.namespace,
        metricName: a.metricName,
        dimensions: a.dimensions,
        statistic: a.statistic,
        period: a.periodSeconds,
        threshold: a.threshold,
        comparisonOperator: a.comparison,
        evaluationPeriods: a.evaluationPeriods,
        treatMissingData: a.treatMissingData,
        alarmDescription: a.why,
        alarmActions: [topic.arn],
      });
  });
  return { topic };
}
