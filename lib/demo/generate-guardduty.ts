import type { World } from "./aws-world";
import type { Random } from "./random";

type Rec = Record<string, unknown>;
type Instance = World["instances"][number];
type User = World["users"][number];
const iso = (ms: number) => new Date(ms).toISOString();

/** A GuardDuty finding type: the resource it is about, its severity band and the kind of action seen. */
export interface GuardDutyType {
  type: string;
  resource: "Instance" | "AccessKey" | "S3Bucket";
  band: [number, number];
  action: string;
}

/** Real GuardDuty finding types across the four severity bands (score picked within the band). */
export const GUARDDUTY_TYPES: GuardDutyType[] = [
  { type: "Recon:EC2/PortProbeUnprotectedPort", resource: "Instance", band: [2, 3.9], action: "PORT_PROBE" },
  { type: "UnauthorizedAccess:EC2/SSHBruteForce", resource: "Instance", band: [2, 3.9], action: "NETWORK_CONNECTION" },
  { type: "Policy:IAMUser/RootCredentialUsage", resource: "AccessKey", band: [2, 3.9], action: "AWS_API_CALL" },
  { type: "Discovery:S3/MaliciousIPCaller", resource: "S3Bucket", band: [4, 6.9], action: "AWS_API_CALL" },
  { type: "Recon:IAMUser/MaliciousIPCaller", resource: "AccessKey", band: [4, 6.9], action: "AWS_API_CALL" },
  { type: "UnauthorizedAccess:EC2/TorClient", resource: "Instance", band: [4, 6.9], action: "NETWORK_CONNECTION" },
  { type: "CryptoCurrency:EC2/BitcoinTool.B!DNS", resource: "Instance", band: [7, 8.9], action: "DNS_REQUEST" },
  { type: "Backdoor:EC2/C&CActivity.B!DNS", resource: "Instance", band: [7, 8.9], action: "DNS_REQUEST" },
  {
    type: "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
    resource: "AccessKey",
    band: [7, 8.9],
    action: "AWS_API_CALL",
  },
  { type: "Trojan:EC2/DNSDataExfiltration", resource: "Instance", band: [7, 8.9], action: "DNS_REQUEST" },
  { type: "AttackSequence:IAM/CompromisedCredentials", resource: "AccessKey", band: [9, 10], action: "AWS_API_CALL" },
  { type: "AttackSequence:S3/CompromisedData", resource: "S3Bucket", band: [9, 10], action: "AWS_API_CALL" },
];

const instanceResource = (inst: Instance) => ({
  resourceType: "Instance",
  instanceDetails: {
    instanceId: inst.id,
    instanceType: "t3.medium",
    iamInstanceProfile: { arn: `arn:aws:iam::${inst.account}:instance-profile/${inst.profile}` },
    networkInterfaces: [
      {
        networkInterfaceId: inst.eni,
        privateIpAddress: inst.privateIp,
        publicIp: inst.publicIp,
        securityGroups: [{ groupId: inst.sg, groupName: "app" }],
        vpcId: inst.vpc,
        subnetId: inst.subnet,
      },
    ],
    tags: [{ key: "Name", value: `app-${inst.id.slice(-4)}` }],
  },
});

/** The finding's `resource` block for the type's resource kind. */
function findingResource(r: Random, w: World, spec: GuardDutyType, inst: Instance, user: User): Rec {
  if (spec.resource === "Instance") return instanceResource(inst);
  if (spec.resource === "AccessKey")
    return {
      resourceType: "AccessKey",
      accessKeyDetails: {
        accessKeyId: user.keyId,
        principalId: user.principalId,
        userName: user.name,
        userType: "IAMUser",
      },
    };
  return {
    resourceType: "S3Bucket",
    s3BucketDetails: [{ name: r.pick(w.buckets), arn: `arn:aws:s3:::${r.pick(w.buckets)}`, type: "Destination" }],
  };
}

/** The finding's `service.action` block for the type's action kind. */
function findingAction(r: Random, spec: GuardDutyType, remote: string): Rec {
  const actionType = spec.action;
  if (actionType === "NETWORK_CONNECTION")
    return {
      actionType,
      networkConnectionAction: {
        connectionDirection: "INBOUND",
        protocol: "TCP",
        blocked: false,
        remoteIpDetails: { ipAddressV4: remote, country: { countryName: "Unknown" } },
        localPortDetails: { port: 22, portName: "SSH" },
      },
    };
  if (actionType === "PORT_PROBE")
    return {
      actionType,
      portProbeAction: {
        blocked: false,
        portProbeDetails: [
          { localPortDetails: { port: 3389, portName: "RDP" }, remoteIpDetails: { ipAddressV4: remote } },
        ],
      },
    };
  if (actionType === "DNS_REQUEST")
    return {
      actionType,
      dnsRequestAction: { domain: `${r.hex(10)}.example-pool.net`, protocol: "UDP", blocked: false },
    };
  return {
    actionType,
    awsApiCallAction: {
      api: r.pick(["ListBuckets", "GetObject", "ListUsers"]),
      serviceName: "s3.amazonaws.com",
      callerType: "Remote IP",
      remoteIpDetails: { ipAddressV4: remote },
    },
  };
}

export interface GuardDutyFindingOptions {
  id?: string;
  count?: number;
  firstSeen?: number;
  /** Force the finding type (sample findings); default a random one. */
  spec?: GuardDutyType;
  severity?: number;
}

/** One finding as GuardDuty exports it; the random draws are made in a fixed order (seeded output is stable). */
export function guardDutyFinding(r: Random, w: World, t: number, opts: GuardDutyFindingOptions = {}): Rec {
  const spec = opts.spec ?? r.pick(GUARDDUTY_TYPES);
  const inst = r.pick(w.instances);
  const user = r.pick(w.users);
  const remote = r.pick(w.attackerIps);
  const severity = opts.severity ?? Math.round((spec.band[0] + r.next() * (spec.band[1] - spec.band[0])) * 10) / 10;
  const resource = findingResource(r, w, spec, inst, user);
  const action = findingAction(r, spec, remote);
  const id = opts.id ?? r.hex(32);
  const first = opts.firstSeen ?? t - r.int(0, 3600_000);
  const account = spec.resource === "Instance" ? inst.account : user.account;
  const subject = spec.resource === "Instance" ? inst.id : spec.resource === "AccessKey" ? user.name : "a bucket";
  return {
    schemaVersion: "2.0",
    accountId: account,
    region: inst.region,
    partition: "aws",
    id,
    arn: `arn:aws:guardduty:${inst.region}:${account}:detector/${r.hex(32)}/finding/${id}`,
    type: spec.type,
    resource,
    service: {
      serviceName: "guardduty",
      detectorId: r.hex(32),
      action,
      archived: false,
      count: opts.count ?? 1,
      eventFirstSeen: iso(first),
      eventLastSeen: iso(t),
      resourceRole: "TARGET",
    },
    severity,
    createdAt: iso(first),
    updatedAt: iso(t),
    title: `${spec.type.split("/")[1]} involving ${subject}`,
    description: `GuardDuty detected ${spec.type} activity from ${remote}.`,
  };
}
