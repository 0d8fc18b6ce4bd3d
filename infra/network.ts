// VPC with private subnets and no NAT: S3 through a gateway endpoint, the other AWS APIs the
// in-VPC functions call through interface endpoints (./endpoints).
import { GATEWAY_ENDPOINTS, INTERFACE_ENDPOINTS } from "./endpoints";

export function network(opts: { natForIam: boolean }) {
  const vpc = new sst.aws.Vpc("Vpc", { nat: opts.natForIam ? "managed" : undefined, bastion: false });
  const region = aws.getRegionOutput({}).name;
  const endpointSg = new aws.ec2.SecurityGroup("EndpointSg", {
    vpcId: vpc.id,
    description: "HTTPS from inside the VPC to AWS API endpoints",
    ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [vpc.nodes.vpc.cidrBlock] }],
  });
  new aws.ec2.VpcEndpoint("S3Gateway", {
    vpcId: vpc.id,
    serviceName: $interpolate`com.amazonaws.${region}.${GATEWAY_ENDPOINTS["client-s3"]}`,
    vpcEndpointType: "Gateway",
    routeTableIds: vpc.nodes.privateRouteTables.apply((t) => t.map((x) => x.id)),
  });
  for (const service of new Set(Object.values(INTERFACE_ENDPOINTS)))
    new aws.ec2.VpcEndpoint(`Endpoint-${service}`, {
      vpcId: vpc.id,
      serviceName: $interpolate`com.amazonaws.${region}.${service}`,
      vpcEndpointType: "Interface",
      privateDnsEnabled: true,
      subnetIds: vpc.privateSubnets,
      securityGroupIds: [endpointSg.id],
    });
  return { vpc };
}
