import { describe, expect, test } from "vitest";
import type { ApiResult, CloudControls, InstanceFacts } from "@/lib/ports/cloud-controls";
import type { OriginalState } from "../incident-store";
import { planRelease, previewOf } from "./release-plan";

const orig: OriginalState = {
  instanceId: "i-0abc",
  vpcId: "vpc-1",
  enis: [{ eniId: "eni-1", groups: ["sg-web"] }],
  asg: "web-asg",
  terminationProtection: false,
  profile: { arn: "arn:aws:iam::1:instance-profile/web", associationId: "assoc-1" },
  tags: {},
};

/** The instance while quarantined: isolated, out of its group, protected, with the quarantine profile. */
const quarantined: InstanceFacts = {
  instanceId: "i-0abc",
  state: "running",
  instanceType: "t3.micro",
  vpcId: "vpc-1",
  subnetId: null,
  tags: { "sightline:quarantine": "inc-1" },
  enis: [{ eniId: "eni-1", privateIp: null, groups: ["sg-isolation"] }],
  profile: { arn: "arn:aws:iam::1:instance-profile/quarantine", associationId: "assoc-2" },
  asg: null,
  volumes: [],
  terminationProtection: true,
};

/** A cloud that only writes down which call was made, with what. */
function recordingCloud() {
  const calls: string[] = [];
  const ok = (call: string): Promise<ApiResult> => {
    calls.push(call);
    return Promise.resolve({ action: call, requestId: null, detail: {} });
  };
  const cloud = {
    setEniGroups: (eni: string, groups: readonly string[]) => ok(`groups ${eni} ${groups}`),
    attachToAsg: (id: string, asg: string) => ok(`attach ${id} ${asg}`),
    setTerminationProtection: (id: string, on: boolean) => ok(`protection ${id} ${on}`),
    replaceProfile: (assoc: string, arn: string) => ok(`profile ${assoc} ${arn}`),
    untagInstance: (id: string, keys: readonly string[]) => ok(`untag ${id} ${keys}`),
  } as unknown as CloudControls;
  return { cloud, calls };
}

describe("planRelease", () => {
  test("the preview names every call the release makes, one line per call, in the same order", async () => {
    const steps = planRelease(orig, quarantined);
    const { cloud, calls } = recordingCloud();
    for (const s of steps) await s.run(cloud);
    expect(previewOf(steps).map((s) => `${s.action} ${s.target}`)).toEqual([
      "Restore security groups eni-1",
      "Re-attach to Auto Scaling group web-asg",
      "Turn termination protection off i-0abc",
      "Restore instance profile i-0abc",
      "Remove quarantine tag i-0abc",
    ]);
    expect(calls).toEqual([
      "groups eni-1 sg-web",
      "attach i-0abc web-asg",
      "protection i-0abc false",
      "profile assoc-2 arn:aws:iam::1:instance-profile/web",
      "untag i-0abc sightline:quarantine",
    ]);
  });

  test("what was already so before the quarantine is neither shown nor done", () => {
    const steps = planRelease({ ...orig, asg: null, terminationProtection: true, profile: null }, quarantined);
    expect(steps.map((s) => s.action)).toEqual(["Restore security groups", "Remove quarantine tag"]);
  });

  test("the preview carries no functions, so it can be stored with the review item", () => {
    const preview = previewOf(planRelease(orig, quarantined));
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview);
    expect(Object.keys(preview[0] ?? {})).toEqual(["action", "target", "detail"]);
  });
});
