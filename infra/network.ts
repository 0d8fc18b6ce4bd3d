// VPC with private subnets: S3 through a gateway endpoint, the other AWS APIs the in-VPC functions
// call through interface endpoints, and a NAT for what only the internet serves (./endpoints:
// INTERNET_EGRESS — Cognito's JWKS for the web server, Slack/Telegram for notifications, IAM).
import { GATEWAY_ENDPOINTS, INTERFACE_ENDPOINTS, natFor } from "./endpoints";

export function network(opts: { production: boolean }) {
  const vpc = new sst.aws.Vpc("Vpc", { nat: natFor(opts.production), bastion: false });
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
