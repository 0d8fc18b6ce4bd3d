// The state machines and the Lambdas behind their Task states. Each definition is the repo's ASL
// file (workflows/*.asl.json) with its ${…FunctionArn} placeholders filled in: nothing here copies
// it. Policy documents come from ./policies (plain data the tests check).

import { placeholdersOf, readAsl, renderAsl } from "../lib/workflows/definitions";
import { BUNDLE_EXTERNAL } from "./functions";
import {
  guardDutyFindingPattern,
  incidentResponderPolicy,
  invokeOnlyPolicy,
  type Permission,
  startExecutionPolicy,
  stateMachineLoggingPolicy,
  toPermissions,
} from "./policies";

/** `OpenIncidentFunctionArn` → `openIncident`: the export serving a placeholder. */
export const exportFor = (placeholder: string) =>
  placeholder.replace(/FunctionArn$/, "").replace(/^./, (c) => c.toLowerCase());

/** Every state machine: the handler module whose exports serve its placeholders. */
export const STATE_MACHINES = {
  "application-review": "lib/handlers/workflows/application-review",
  "incident-response": "lib/handlers/workflows/incident-response",
  "incident-release": "lib/handlers/workflows/incident-response",
} as const;
export type MachineName = keyof typeof STATE_MACHINES;

/** The definition text with ARNs substituted (what Step Functions receives): the repo's ASL, rendered. */
export const definitionFor = (workflow: MachineName, arns: Record<string, string>): string =>
  JSON.stringify(renderAsl(workflow, arns));

/** One STANDARD state machine with a function per placeholder, a role that may invoke only those, and ERROR logging without execution data. */
function stateMachine(
  workflow: MachineName,
  opts: {
    environment: Record<string, $util.Input<string>>;
    permissions?: $util.Input<Permission[]>;
    vpc?: sst.aws.Vpc;
  },
) {
  const name = workflow.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());
  const fns = Object.fromEntries(
    placeholdersOf(readAsl(workflow)).map((placeholder) => [
      placeholder,
      new sst.aws.Function(`${name}${placeholder.replace(/FunctionArn$/, "")}`, {
        handler: `${STATE_MACHINES[workflow]}.${exportFor(placeholder)}`,
        runtime: "nodejs22.x",
        timeout: "60 seconds",
        environment: { SIGHTLINE_BACKEND: "aws", ...opts.environment },
        ...(opts.vpc ? { vpc: opts.vpc } : {}),
        ...(opts.permissions ? { permissions: opts.permissions } : {}),
        nodejs: { esbuild: { external: [...BUNDLE_EXTERNAL] } },
      }),
    ]),
  );
  const role = new aws.iam.Role(`${name}Role`, {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "states.amazonaws.com" }),
  });
  const invoke = new aws.iam.RolePolicy(`${name}Invoke`, {
    role: role.id,
    policy: $resolve(Object.values(fns).map((f) => f.arn)).apply((arns) => JSON.stringify(invokeOnlyPolicy(arns))),
  });
  const logs = new aws.cloudwatch.LogGroup(`${name}Logs`, { retentionInDays: 90 });
  const logging = new aws.iam.RolePolicy(`${name}Logging`, {
    role: role.id,
    policy: JSON.stringify(stateMachineLoggingPolicy()),
  });
  return new aws.sfn.StateMachine(
    name,
    {
      type: "STANDARD",
      roleArn: role.arn,
      definition: $resolve(Object.fromEntries(Object.entries(fns).map(([k, f]) => [k, f.arn]))).apply((arns) =>
        definitionFor(workflow, arns as Record<string, string>),
      ),
      loggingConfiguration: {
        level: "ERROR",
        includeExecutionData: false,
        logDestination: $interpolate`${logs.arn}:*`,
      },
    },
    // CreateStateMachine checks the role may deliver logs (and invoke its tasks) at create time.
    { dependsOn: [invoke, logging] },
  );
}

export interface MachineOptions {
  vpc: sst.aws.Vpc;
  /** DATABASE_URL (app role) and the rest of the functions' configuration. */
  environment: Record<string, $util.Input<string>>;
}

export function applicationReview(o: MachineOptions) {
  return stateMachine("application-review", { environment: o.environment, vpc: o.vpc });
}

/**
 * Incident response and release, and the EventBridge rule that starts incident response on
 * GuardDuty findings at or above the threshold.
 */
export function incidentResponse(
  opts: MachineOptions & {
    evidenceBucket: $util.Input<string>;
    threshold: number;
    lakePermissions: $util.Input<Permission[]>;
  },
) {
  const identity = aws.getCallerIdentityOutput({});
  const region = aws.getRegionOutput({});
  const responder = $resolve([identity.accountId, region.name, opts.evidenceBucket]).apply(([account, r, bucket]) =>
    toPermissions(incidentResponderPolicy({ account, region: r, evidenceBucket: bucket })),
  );
  const environment = {
    ...opts.environment,
    SIGHTLINE_EVIDENCE_BUCKET: opts.evidenceBucket,
    SIGHTLINE_INCIDENT_THRESHOLD: String(opts.threshold),
  };
  const permissions = $resolve([responder, opts.lakePermissions]).apply(([a, b]) => [...a, ...b]);
  const response = stateMachine("incident-response", { environment, permissions, vpc: opts.vpc });
  const release = stateMachine("incident-release", { environment, permissions, vpc: opts.vpc });
  const rule = new aws.cloudwatch.EventRule("GuardDutyFindings", {
    eventPattern: JSON.stringify(guardDutyFindingPattern(opts.threshold)),
  });
  const startRole = new aws.iam.Role("GuardDutyFindingsStart", {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "events.amazonaws.com" }),
  });
  new aws.iam.RolePolicy("GuardDutyFindingsStartPolicy", {
    role: startRole.id,
    policy: response.arn.apply((arn) => JSON.stringify(startExecutionPolicy(arn))),
  });
  new aws.cloudwatch.EventTarget("GuardDutyFindingsTarget", {
    rule: rule.name,
    arn: response.arn,
    roleArn: startRole.arn,
  });
  return { response, release };
}
