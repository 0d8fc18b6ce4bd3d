import { describe, expect, test } from "vitest";
import {
  CheckCollectionPayload,
  OpenIncidentPayload,
  OutcomePayload,
  parsePayload,
  RecordFailurePayload,
  RecordReleasePayload,
  RequestApprovalPayload,
  RequestReleasePayload,
} from "./payloads";

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error("the payload was accepted");
};

describe("incident workflow payloads", () => {
  test("OpenIncident takes the GuardDuty event as the ASL passes it, keeping its other fields", () => {
    const p = parsePayload(
      OpenIncidentPayload,
      { "detail-type": "GuardDuty Finding", source: "aws.guardduty", detail: { id: "f1" }, executionId: "arn:x" },
      "OpenIncident",
    );
    expect(p.detail).toEqual({ id: "f1" });
    expect(p.executionId).toBe("arn:x");
    expect(p["detail-type"]).toBe("GuardDuty Finding");
  });

  test("RequestApproval takes the token, execution, deadline and the whole state input", () => {
    const input = { open: { incidentId: "inc-1", approvalSeconds: 60 }, enrichment: { value: { plan: "instance" } } };
    const p = parsePayload(
      RequestApprovalPayload,
      { taskToken: "t", executionId: "e", incidentId: "inc-1", slaSeconds: 60, input },
      "RequestApproval",
    );
    expect(p.input).toEqual(input);
  });

  test("CheckCollection hands back every field of the collection it was given", () => {
    const collection = { commandId: "c1", prefix: "incidents/x", polls: 2, done: false, ok: true };
    const p = parsePayload(CheckCollectionPayload, { incidentId: "inc-1", collection }, "CheckCollection");
    expect(p.collection).toEqual(collection);
  });

  test("the Pass states' outcomes parse, with or without a reason", () => {
    expect(
      parsePayload(OutcomePayload, { incidentId: "i", outcome: { status: "rejected", reason: "no" } }, "Notify")
        .outcome,
    ).toEqual({ status: "rejected", reason: "no" });
    expect(
      parsePayload(RecordReleasePayload, { incidentId: "i", outcome: { status: "released" } }, "RecordRelease").outcome
        .status,
    ).toBe("released");
  });

  test("RecordFailure takes a Step Functions error and finds the incident under open", () => {
    const p = parsePayload(
      RecordFailurePayload,
      { open: { incidentId: "inc-1" }, error: { Error: "CloudActionError", Cause: '{"errorMessage":"x"}' } },
      "RecordFailure",
    );
    expect(p.open?.incidentId).toBe("inc-1");
    expect(p.error?.Error).toBe("CloudActionError");
  });

  test("a payload missing a required field is refused as InvalidPayload, naming the state and the field", () => {
    const err = refusal(() =>
      parsePayload(
        RequestReleasePayload,
        { taskToken: "t", executionId: "e", requestedBy: "a@x", reason: "fixed", slaSeconds: 60, input: {} },
        "RequestRelease",
      ),
    );
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({
      name: "InvalidPayload",
      message: expect.stringMatching(/^RequestRelease got a payload it cannot use:\n[\s\S]*→ at incidentId/),
    });
  });

  test("an outcome the state machine never sets is refused", () => {
    const err = refusal(() =>
      parsePayload(OutcomePayload, { incidentId: "i", outcome: { status: "released" } }, "RecordOutcome"),
    );
    expect(err).toMatchObject({ name: "InvalidPayload", message: expect.stringMatching(/→ at outcome\.status/) });
  });
});
