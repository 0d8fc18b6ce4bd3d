// IAM policy documents as plain data: infra/*.ts attach them, tests read them. No SST globals here.

export interface Statement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  /** Resource policies only (bucket policies). */
  Principal?: "*" | Record<string, string | string[]>;
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}
export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: Statement[];
}

/** A statement in the shape SST's `permissions` takes (it renders them as the role's one inline policy). */
export interface Permission {
  effect: "allow" | "deny";
  actions: string[];
  resources: string[];
  conditions?: { test: string; variable: string; values: string[] }[];
}

/**
 * An identity policy as SST `permissions`: SST then gives the function's role exactly these
 * statements as its inline policy (plus the managed logging and VPC-access policies). A transform
 * cannot do this: SST calls transforms for their side effects and keeps its own args.
 */
export function toPermissions(doc: PolicyDocument): Permission[] {
  return doc.Statement.map((s) => ({
    effect: s.Effect === "Allow" ? "allow" : "deny",
    actions: s.Action,
    resources: s.Resource,
    ...(s.Condition
      ? {
          conditions: Object.entries(s.Condition).flatMap(([test, vars]) =>
            Object.entries(vars).map(([variable, v]) => ({ test, variable, values: Array.isArray(v) ? v : [v] })),
          ),
        }
      : {}),
  }));
}

/**
 * Actions that AWS only authorizes on `"Resource": "*"` (they have no resource-level
 * permissions), each with the reason. Any other `*` resource, and every `*` in an action, fails
 * the policy tests.
 */
export const RESOURCE_WILDCARD_ALLOWED: Record<string, string> = {
  "ec2:DescribeInstances": "Describe* actions do not support resource-level permissions",
  "ec2:DescribeInstanceAttribute": "Describe* actions do not support resource-level permissions",
  "ec2:DescribeIamInstanceProfileAssociations": "Describe* actions do not support resource-level permissions",
  "ec2:DescribeSecurityGroups": "Describe* actions do not support resource-level permissions",
  "autoscaling:DescribeAutoScalingInstances": "Describe* actions do not support resource-level permissions",
  "ssm:GetCommandInvocation": "GetCommandInvocation has no resource type in the service authorization reference",
  "states:SendTaskSuccess": "task tokens are not resources: SendTask* only accepts *",
  "states:SendTaskFailure": "task tokens are not resources: SendTask* only accepts *",
  "states:SendTaskHeartbeat": "task tokens are not resources: SendTask* only accepts *",
  "logs:CreateLogDelivery": "Step Functions log delivery: AWS documents these log actions on * only",
  "logs:GetLogDelivery": "Step Functions log delivery: AWS documents these log actions on * only",
  "logs:UpdateLogDelivery": "Step Functions log delivery: AWS documents these log actions on * only",
  "logs:DeleteLogDelivery": "Step Functions log delivery: AWS documents these log actions on * only",
  "logs:ListLogDeliveries": "Step Functions log delivery: AWS documents these log actions on * only",
  "logs:PutResourcePolicy": "Step Functions log delivery: AWS documents these log actions on * only",
  "logs:DescribeResourcePolicies": "Step Functions log delivery: AWS documents these log actions on * only",
  "logs:DescribeLogGroups": "Step Functions log delivery: AWS documents these log actions on * only",
};

/** A state machine's role: deliver its ERROR-level logs to CloudWatch Logs. */
export const stateMachineLoggingPolicy = (): PolicyDocument => ({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "LogDelivery",
      Effect: "Allow",
      Action: [
        "logs:CreateLogDelivery",
        "logs:GetLogDelivery",
        "logs:UpdateLogDelivery",
        "logs:DeleteLogDelivery",
        "logs:ListLogDeliveries",
        "logs:PutResourcePolicy",
        "logs:DescribeResourcePolicies",
        "logs:DescribeLogGroups",
      ],
      Resource: ["*"],
    },
  ],
});

/** EventBridge's role for the GuardDuty rule: start that one state machine. */
export const startExecutionPolicy = (stateMachineArn: string): PolicyDocument => ({
  Version: "2012-10-17",
  Statement: [
    { Sid: "StartIncidentResponse", Effect: "Allow", Action: ["states:StartExecution"], Resource: [stateMachineArn] },
  ],
});

export const arn = (service: string, region: string, account: string, resource: string) =>
  `arn:aws:${service}:${region}:${account}:${resource}`;

/** The state machine's role: invoke exactly the Lambda functions its definition names. */
export function invokeOnlyPolicy(functionArns: readonly string[]): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "InvokeTaskFunctions",
        Effect: "Allow",
        Action: ["lambda:InvokeFunction"],
        Resource: [...new Set(functionArns)].sort().flatMap((a) => [a, `${a}:*`]),
      },
    ],
  };
}

interface ResponderScope {
  account: string;
  region: string;
  evidenceBucket: string;
  quarantineRoleArn?: string | null;
}

/**
 * The incident-response functions' own role: exactly the EC2, Auto Scaling, SSM and IAM calls of
 * lib/adapters/aws/aws-cloud-controls.ts, scoped to the account and region; the quarantine-group
 * management only on groups the app created (tagged `sightline:quarantine`).
 */
export function incidentResponderPolicy(o: ResponderScope): PolicyDocument {
  return { Version: "2012-10-17", Statement: [...quarantineStatements(o), ...evidenceAndContainmentStatements(o)] };
}

/** Describe, build and apply the quarantine: security groups, network interfaces, tags, snapshots. */
function quarantineStatements(o: ResponderScope): Statement[] {
  const ec2 = (r: string) => arn("ec2", o.region, o.account, r);
  return [
    {
      Sid: "Describe",
      Effect: "Allow",
      Action: [
        "ec2:DescribeInstances",
        "ec2:DescribeInstanceAttribute",
        "ec2:DescribeIamInstanceProfileAssociations",
        "ec2:DescribeSecurityGroups",
        "autoscaling:DescribeAutoScalingInstances",
        "ssm:GetCommandInvocation",
      ],
      Resource: ["*"],
    },
    {
      Sid: "CreateQuarantineGroups",
      Effect: "Allow",
      Action: ["ec2:CreateSecurityGroup"],
      Resource: [ec2("vpc/*"), ec2("security-group/*")],
    },
    {
      Sid: "TagOnCreate",
      Effect: "Allow",
      Action: ["ec2:CreateTags"],
      Resource: [ec2("security-group/*"), `arn:aws:ec2:${o.region}::snapshot/*`],
      Condition: { StringEquals: { "ec2:CreateAction": ["CreateSecurityGroup", "CreateSnapshot"] } },
    },
    {
      Sid: "ShapeQuarantineGroups",
      Effect: "Allow",
      Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress"],
      Resource: [ec2("security-group/*")],
      Condition: { StringLike: { "aws:ResourceTag/sightline:quarantine": ["transition", "isolation"] } },
    },
    {
      Sid: "IsolateInstance",
      Effect: "Allow",
      Action: [
        "ec2:ModifyNetworkInterfaceAttribute",
        "ec2:ModifyInstanceAttribute",
        "ec2:CreateTags",
        "ec2:DeleteTags",
        "ec2:ReplaceIamInstanceProfileAssociation",
      ],
      Resource: [ec2("instance/*"), ec2("network-interface/*"), ec2("security-group/*")],
    },
    {
      Sid: "Snapshot",
      Effect: "Allow",
      Action: ["ec2:CreateSnapshot"],
      Resource: [ec2("volume/*"), `arn:aws:ec2:${o.region}::snapshot/*`],
    },
  ];
}

/** Auto Scaling, SSM evidence, access-key containment, notification and the optional role swap. */
function evidenceAndContainmentStatements(o: ResponderScope): Statement[] {
  const ec2 = (r: string) => arn("ec2", o.region, o.account, r);
  const ssmDocument = `arn:aws:ssm:${o.region}::document/AWS-RunShellScript`;
  return [
    {
      Sid: "AutoScaling",
      Effect: "Allow",
      Action: ["autoscaling:DetachInstances", "autoscaling:AttachInstances"],
      Resource: [arn("autoscaling", o.region, o.account, "autoScalingGroup:*:autoScalingGroupName/*")],
    },
    {
      Sid: "CollectEvidence",
      Effect: "Allow",
      Action: ["ssm:SendCommand"],
      Resource: [ssmDocument, ec2("instance/*")],
    },
    {
      Sid: "ReadEvidence",
      Effect: "Allow",
      Action: ["s3:GetObject"],
      Resource: [`arn:aws:s3:::${o.evidenceBucket}/incidents/*`],
    },
    {
      Sid: "DeactivateKeys",
      Effect: "Allow",
      Action: ["iam:UpdateAccessKey"],
      Resource: [`arn:aws:iam::${o.account}:user/*`],
    },
    {
      Sid: "Notify",
      Effect: "Allow",
      Action: ["ses:SendEmail"],
      Resource: [arn("ses", o.region, o.account, "identity/*")],
    },
    ...(o.quarantineRoleArn
      ? [
          {
            Sid: "PassQuarantineRole",
            Effect: "Allow" as const,
            Action: ["iam:PassRole"],
            Resource: [o.quarantineRoleArn],
          },
        ]
      : []),
  ];
}

/** The app server's Step Functions access: start its machines, read their executions, answer task tokens. */
export function appWorkflowPolicy(stateMachineArns: readonly string[]): PolicyDocument {
  const executions = stateMachineArns.map((a) => `${a.replace(":stateMachine:", ":execution:")}:*`);
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "Start", Effect: "Allow", Action: ["states:StartExecution"], Resource: [...stateMachineArns] },
      {
        Sid: "Read",
        Effect: "Allow",
        Action: ["states:DescribeExecution", "states:GetExecutionHistory"],
        Resource: executions,
      },
      {
        Sid: "AnswerTaskTokens",
        Effect: "Allow",
        Action: ["states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"],
        Resource: ["*"],
      },
    ],
  };
}

/** EventBridge pattern starting incident response: GuardDuty findings at or above the threshold. */
export const guardDutyFindingPattern = (threshold: number) => ({
  source: ["aws.guardduty"],
  "detail-type": ["GuardDuty Finding"],
  detail: { severity: [{ numeric: [">=", threshold] }] },
});
