import type { World } from "./aws-world";
import type { Random } from "./random";

type Rec = Record<string, unknown>;
const iso = (ms: number) => new Date(ms).toISOString();

/** Real GuardDuty finding types across the four severity bands (score picked within the band). */
export const GUARDDUTY_TYPES: {
  type: string;
  resource: "Instance" | "AccessKey" | "S3Bucket";
  band: [number, number];
  action: string;
}[] = [
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

export function guardDutyFinding(
  r: Random,
  w: World,
  t: number,
  opts: {
    id?: string;
    count?: number;
    firstSeen?: number;
    /** Force the finding type (sample findings); default a random one. */
    spec?: (typeof GUARDDUTY_TYPES)[number];
    severity?: number;
  } = {},
): Rec {
  const spec = opts.spec ?? r.pick(GUARDDUTY_TYPES);
  const inst = r.pick(w.instances);
  const user = r.pick(w.users);
  const remote = r.pick(w.attackerIps);
  const severity = opts.severity ?? Math.round((spec.band[0] + r.next() * (spec.band[1] - spec.band[0])) * 10) / 10;
  const resource =
    spec.resource === "Instance"
      ? {
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
        }
      : spec.resource === "AccessKey"
        ? {
            resourceType: "AccessKey",
            accessKeyDetails: {
              accessKeyId: user.keyId,
              principalId: user.principalId,
              userName: user.name,
              userType: "IAMUser",
            },
          }
        : {
            resourceType: "S3Bucket",
            s3BucketDetails: [
              { name: r.pick(w.buckets), arn: `arn:aws:s3:::${r.pick(w.buckets)}`, type: "Destination" },
            ],
          };
  const action =
    spec.action === "NETWORK_CONNECTION"
      ? {
          actionType: spec.action,
          networkConnectionAction: {
            connectionDirection: "INBOUND",
            protocol: "TCP",
            blocked: false,
            remoteIpDetails: { ipAddressV4: remote, country: { countryName: "Unknown" } },
            localPortDetails: { port: 22, portName: "SSH" },
          },
        }
      : spec.action === "PORT_PROBE"
        ? {
            actionType: spec.action,
            portProbeAction: {
              blocked: false,
              portProbeDetails: [
                { localPortDetails: { port: 3389, portName: "RDP" }, remoteIpDetails: { ipAddressV4: remote } },
              ],
            },
          }
        : spec.action === "DNS_REQUEST"
          ? {
              actionType: spec.action,
              dnsRequestAction: { domain: `${r.hex(10)}.example-pool.net`, protocol: "UDP", blocked: false },
            }
          : {
              actionType: spec.action,
              awsApiCallAction: {
                api: r.pick(["ListBuckets", "GetObject", "ListUsers"]),
                serviceName: "s3.amazonaws.com",
                callerType: "Remote IP",
                remoteIpDetails: { ipAddressV4: remote },
              },
            };
  const id = opts.id ?? r.hex(32);
  const first = opts.firstSeen ?? t - r.int(0, 3600_000);
  const account = spec.resource === "Instance" ? inst.account : user.account;
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
    title: `${spec.type.split("/")[1]} involving ${spec.resource === "Instance" ? inst.id : spec.resource === "AccessKey" ? user.name : "a bucket"}`,
    description: `GuardDuty detected ${spec.type} activity from ${remote}.`,
  };
}

export function flowLine(r: Random, w: World, t: number): string {
  const inst = r.pick(w.instances);
  const outbound = r.chance(0.5);
  const remote = r.chance(0.1)
    ? r.pick(w.attackerIps.filter((ip) => !ip.includes(":")))
    : `${r.int(1, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  const port = r.pick([443, 443, 443, 80, 22, 3389, 5432, 53]);
  const src = outbound ? inst.privateIp : remote;
  const dst = outbound ? remote : inst.privateIp;
  const start = Math.floor(t / 1000);
  if (r.chance(0.02)) return `2 ${inst.account} ${inst.eni} - - - - - - - ${start} ${start + 60} - NODATA`;
  const action = !outbound && (port === 22 || port === 3389) && r.chance(0.7) ? "REJECT" : "ACCEPT";
  return `2 ${inst.account} ${inst.eni} ${src} ${dst} ${outbound ? r.int(32768, 60999) : r.int(1024, 65535)} ${outbound ? port : port} 6 ${r.int(1, 500)} ${r.int(40, 900_000)} ${start} ${start + 60} ${action} OK`;
}

export function logEvent(r: Random, w: World, t: number): { group: string; stream: string; message: string } {
  const inst = r.pick(w.instances);
  if (r.chance(0.2)) {
    return {
      group: "/ec2/secure",
      stream: inst.id,
      message: `sshd[${r.int(100, 9999)}]: Failed password for invalid user ${r.pick(["admin", "root", "ubuntu", "test"])} from ${r.pick(w.attackerIps)} port ${r.int(30000, 65000)} ssh2`,
    };
  }
  return {
    group: "/aws/lambda/payments",
    stream: `2026/01/01/[$LATEST]${r.hex(32)}`,
    message: JSON.stringify({
      level: r.pick(["info", "info", "warn", "error"]),
      msg: r.pick(["charge created", "refund issued", "card declined", "timeout calling bank"]),
      requestId: r.uuid(),
      latencyMs: r.int(5, 900),
      at: iso(t),
    }),
  };
}
