/** Helpers for the EC2 launch rules (resource hijacking). */
import { assumedRole, trailRecord } from "../../fixtures";
import type { TrailEvent } from "../../trail-event";
import { num, obj, objects } from "../exfiltration/shared";

/** The instances a launch asks for: the largest maxCount of RunInstances, or a spot request's instanceCount. */
export function requestedCount(e: TrailEvent): number {
  const counts = [
    ...objects(obj(e.req?.instancesSet).items).map((i) => num(i.maxCount ?? i.minCount)),
    num(e.req?.instanceCount),
  ].filter(Number.isFinite);
  return Math.max(0, ...counts);
}

/** The instance type a launch names, from RunInstances or a spot request's launch specification. */
export const instanceTypeOf = (e: TrailEvent): string => {
  const t = e.req?.instanceType ?? obj(e.req?.launchSpecification).instanceType;
  return typeof t === "string" ? t : "";
};

/** A launch an AWS service made for the account (Auto Scaling, Spot Fleet, Batch), not a person or script. */
export const launchedByService = (e: TrailEvent): boolean =>
  e.userType === "AWSService" || Boolean(e.row.invoked_by) || e.row.source_ip_is_service === true;

export const LAUNCH_EVENTS = ["RunInstances", "RequestSpotInstances"] as const;

/** A RunInstances call as CloudTrail records it. */
export function runInstances(o: { type: string; count: number; byAutoScaling?: boolean; errorCode?: string }) {
  const items = Array.from({ length: Math.min(o.count, 3) }, (_, i) => ({
    instanceId: `i-0a1b2c3d4e5f6070${i}`,
    imageId: "ami-0abcdef1234567890",
    instanceType: o.type,
    instanceState: { code: 0, name: "pending" },
  }));
  const service = "autoscaling.amazonaws.com";
  return trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName: "RunInstances",
    ...(o.byAutoScaling
      ? {
          userIdentity: assumedRole("AWSServiceRoleForAutoScaling", "AutoScaling", { invokedBy: service }),
          sourceIPAddress: service,
          userAgent: service,
        }
      : {}),
    requestParameters: {
      instancesSet: { items: [{ imageId: "ami-0abcdef1234567890", minCount: 1, maxCount: o.count }] },
      instanceType: o.type,
      subnetId: "subnet-0a1b2c3d",
      blockDeviceMapping: {},
      monitoring: { enabled: false },
      disableApiTermination: false,
    },
    responseElements: o.errorCode
      ? null
      : { reservationId: "r-0f1e2d3c4b5a69788", ownerId: "111122223333", instancesSet: { items } },
    ...(o.errorCode ? { errorCode: o.errorCode } : {}),
  });
}
