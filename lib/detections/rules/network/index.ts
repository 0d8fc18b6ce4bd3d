import type { EventRule } from "../../rule";
import { rule as flowInboundContainerAdminFromInternet } from "./flow-inbound-container-admin-from-internet";
import { rule as flowInboundDatabaseFromInternet } from "./flow-inbound-database-from-internet";
import { rule as flowInboundRdpFromInternet } from "./flow-inbound-rdp-from-internet";
import { rule as flowInboundSmbFromInternet } from "./flow-inbound-smb-from-internet";
import { rule as flowInboundSshFromInternet } from "./flow-inbound-ssh-from-internet";
import { rule as internetGatewayAttached } from "./internet-gateway-attached";
import { rule as networkAclAllowsAllInboundFromWorld } from "./network-acl-allows-all-inbound-from-world";
import { rule as routeToInternetGatewayAdded } from "./route-to-internet-gateway-added";
import { rule as securityGroupAllTrafficOpenToWorld } from "./security-group-all-traffic-open-to-world";
import { rule as securityGroupDatabasePortOpenToWorld } from "./security-group-database-port-open-to-world";
import { rule as securityGroupEgressAllToWorld } from "./security-group-egress-all-to-world";
import { rule as securityGroupOpenToWorld } from "./security-group-open-to-world";
import { rule as securityGroupRdpOpenToWorld } from "./security-group-rdp-open-to-world";
import { rule as securityGroupSshOpenToWorld } from "./security-group-ssh-open-to-world";
import { rule as subnetAutoAssignsPublicIp } from "./subnet-auto-assigns-public-ip";
import { rule as trafficMirrorSessionCreated } from "./traffic-mirror-session-created";
import { rule as vpcPeeringAcceptedFromOtherAccount } from "./vpc-peering-accepted-from-other-account";

export const RULES: EventRule[] = [
  flowInboundContainerAdminFromInternet,
  flowInboundDatabaseFromInternet,
  flowInboundRdpFromInternet,
  flowInboundSmbFromInternet,
  flowInboundSshFromInternet,
  internetGatewayAttached,
  networkAclAllowsAllInboundFromWorld,
  routeToInternetGatewayAdded,
  securityGroupAllTrafficOpenToWorld,
  securityGroupDatabasePortOpenToWorld,
  securityGroupEgressAllToWorld,
  securityGroupOpenToWorld,
  securityGroupRdpOpenToWorld,
  securityGroupSshOpenToWorld,
  subnetAutoAssignsPublicIp,
  trafficMirrorSessionCreated,
  vpcPeeringAcceptedFromOtherAccount,
];
