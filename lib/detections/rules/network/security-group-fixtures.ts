import { FIXTURE, trailRecord } from "../../fixtures";
import type { CloudTrailRecord } from "../../rule";

/** Fixtures: the group, and one permission (a CIDR, or a referenced group `sg-…`). */
export const GROUP = "sg-0f3a9c2b7d1e45a60";
export interface PermissionSpec {
  protocol: string;
  from: number;
  to: number;
  source: string;
}
const FAILED = {
  errorCode: "Client.UnauthorizedOperation",
  errorMessage: "You are not authorized to perform this operation.",
};

/** An AuthorizeSecurityGroupIngress/Egress record as EC2 writes it to CloudTrail. */
export function authorizeCall(eventName: string, p: PermissionSpec, failed = false): CloudTrailRecord {
  const v6 = p.source.includes(":");
  const group = p.source.startsWith("sg-");
  const permission = {
    ipProtocol: p.protocol,
    fromPort: p.from,
    toPort: p.to,
    groups: group ? { items: [{ groupId: p.source }] } : {},
    ipRanges: !group && !v6 ? { items: [{ cidrIp: p.source }] } : {},
    ipv6Ranges: v6 ? { items: [{ cidrIpv6: p.source }] } : {},
    prefixListIds: {},
  };
  const source = group
    ? { referencedGroupInfo: { groupId: p.source, userId: FIXTURE.account } }
    : v6
      ? { cidrIpv6: p.source }
      : { cidrIpv4: p.source };
  return trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName,
    requestParameters: { groupId: GROUP, ipPermissions: { items: [permission] } },
    responseElements: failed
      ? null
      : {
          requestId: "5b0c4e1a-7f2d-4c61-9a3e-2d8f6b1c0e47",
          _return: true,
          securityGroupRuleSet: {
            items: [
              {
                groupOwnerId: FIXTURE.account,
                groupId: GROUP,
                securityGroupRuleId: "sgr-0c7e2a91d3b4f5a68",
                isEgress: eventName.endsWith("Egress"),
                ipProtocol: p.protocol,
                fromPort: p.from,
                toPort: p.to,
                ...source,
              },
            ],
          },
        },
    ...(failed ? FAILED : {}),
  });
}

/** A ModifySecurityGroupRules record: newer EC2 calls are recorded in a PascalCase request envelope. */
export function modifyCall(p: PermissionSpec, failed = false): CloudTrailRecord {
  const rule = {
    IpProtocol: p.protocol,
    FromPort: p.from,
    ToPort: p.to,
    [p.source.includes(":") ? "CidrIpv6" : "CidrIpv4"]: p.source,
  };
  return trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName: "ModifySecurityGroupRules",
    requestParameters: {
      ModifySecurityGroupRulesRequest: {
        GroupId: GROUP,
        SecurityGroupRule: { SecurityGroupRuleId: "sgr-0c7e2a91d3b4f5a68", SecurityGroupRule: rule, tag: 1 },
      },
    },
    responseElements: failed
      ? null
      : {
          ModifySecurityGroupRulesResponse: {
            requestId: "0d9a6f3e-1b2c-4e5d-8f7a-6c5b4a3d2e1f",
            return: true,
            xmlns: "http://ec2.amazonaws.com/doc/2016-11-15/",
          },
        },
    ...(failed ? FAILED : {}),
  });
}
