/**
 * The cloud actions incident response takes: EC2, Auto Scaling, SSM and IAM. The AWS adapter calls
 * the SDK; the local adapter answers from the simulated estate in the database. Every method
 * returns what the API said (`ApiResult`), and throws `CloudActionError` when the API refused.
 */
export interface Eni {
  eniId: string;
  privateIp: string | null;
  groups: string[];
}

export interface InstanceFacts {
  instanceId: string;
  state: string;
  instanceType: string | null;
  vpcId: string;
  subnetId: string | null;
  tags: Record<string, string>;
  enis: Eni[];
  profile: { arn: string; associationId: string } | null;
  asg: string | null;
  volumes: { volumeId: string; device: string }[];
  terminationProtection: boolean;
}

export interface GroupFacts {
  groupId: string;
  name: string;
  ingressRules: number;
  egressRules: number;
  openToWorld: boolean;
}

/** What the API answered: its request id and the fields that matter for the timeline. */
export interface ApiResult {
  action: string;
  requestId: string | null;
  detail: Record<string, unknown>;
}

export interface CommandStatus {
  status: "Pending" | "InProgress" | "Delayed" | "Success" | "Cancelled" | "TimedOut" | "Failed" | "Cancelling";
  stdout: string;
  stderr: string;
}

/** An API refusal. `transient` errors (throttling, 5xx) are retried by the state machine; others are not. */
export class CloudActionError extends Error {
  constructor(
    readonly action: string,
    readonly code: string,
    message: string,
    readonly transient = false,
  ) {
    super(`${action}: ${code}: ${message}`);
    this.name = transient ? "CloudTransientError" : "CloudActionError";
  }
}

export interface CloudControls {
  /** True for the local simulated estate: the UI labels it so. */
  readonly simulated: boolean;
  describeInstance(instanceId: string): Promise<InstanceFacts | null>;
  describeGroups(groupIds: readonly string[]): Promise<GroupFacts[]>;
  /**
   * The two quarantine groups of a VPC, created on first use: `transition` allows all traffic in
   * and out (so tracked connections become untracked), `isolation` has no rules at all.
   */
  isolationGroups(vpcId: string): Promise<{ transition: string; isolation: string; created: ApiResult[] }>;
  setEniGroups(eniId: string, groupIds: readonly string[]): Promise<ApiResult>;
  detachFromAsg(instanceId: string, asgName: string): Promise<ApiResult>;
  attachToAsg(instanceId: string, asgName: string): Promise<ApiResult>;
  setTerminationProtection(instanceId: string, enabled: boolean): Promise<ApiResult>;
  snapshotVolume(volumeId: string, description: string, tags: Record<string, string>): Promise<ApiResult>;
  tagInstance(instanceId: string, tags: Record<string, string>): Promise<ApiResult>;
  untagInstance(instanceId: string, keys: readonly string[]): Promise<ApiResult>;
  replaceProfile(associationId: string, profileArn: string): Promise<ApiResult>;
  setAccessKeyStatus(userName: string, accessKeyId: string, status: "Active" | "Inactive"): Promise<ApiResult>;
  /**
   * Runs the evidence collection script (AWS-RunShellScript). The script uploads what it collects
   * under `evidencePrefix` of the evidence store and prints one `EVIDENCE <key> <sha256> <bytes>`
   * line per object.
   */
  sendCollection(
    instanceId: string,
    args: { script: readonly string[]; evidencePrefix: string; comment: string },
  ): Promise<ApiResult>;
  commandStatus(commandId: string, instanceId: string): Promise<CommandStatus>;
}
