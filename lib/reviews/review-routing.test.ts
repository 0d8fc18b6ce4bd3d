import { describe, expect, test } from "vitest";
import { routeReview } from "./review-routing";

describe("routeReview", () => {
  test("applications go to compliance; a screening-list hit is high priority", () => {
    expect(routeReview({ workflow: "application-review", payload: {}, reasons: [{ rule: "address.number" }] })).toEqual(
      { candidateGroup: "compliance", priority: 50 },
    );
    expect(
      routeReview({ workflow: "application-review", payload: {}, reasons: [{ rule: "name.denylist" }] }).priority,
    ).toBe(75);
  });

  test("containment approvals go to security on-call, as urgent as the finding's severity", () => {
    const at = (severity: unknown) =>
      routeReview({ workflow: "incident-response", payload: { finding: { severity } }, reasons: [] });
    expect(at(8.5)).toEqual({ candidateGroup: "security-oncall", priority: 90 });
    expect(at(5).priority).toBe(60);
    expect(at(2).priority).toBe(30);
    expect(at(null).priority).toBe(50);
  });

  test("release approvals go to security on-call at normal priority", () => {
    expect(routeReview({ workflow: "incident-release", payload: { incidentId: "inc-1" }, reasons: [] })).toEqual({
      candidateGroup: "security-oncall",
      priority: 50,
    });
  });
});
