import { describe, expect, test } from "vitest";
import type { Queryable } from "@/lib/ports/database";
import { decisionInWords, describeDecisions } from "./describe-decisions";

const channels: Queryable = {
  query: async <T extends object>() =>
    [
      { id: "inapp", name: "In-app notification centre" },
      { id: "ch-4fe38f47", name: "SOC Slack" },
      { id: "ch-mail", name: "SOC mailbox" },
    ] as unknown as T[],
};

describe("describeDecisions", () => {
  test("names channels as people named them and says what happened in words", async () => {
    const text = await describeDecisions(channels, { inapp: "sent", "ch-4fe38f47": "sent", "ch-mail": "held" });
    expect(text).toBe(
      "Notified In-app notification centre and SOC Slack; SOC mailbox: held back by the rate limit until the next digest",
    );
    expect(text).not.toMatch(/ch-|inapp|\bheld\b$/);
  });

  test("no channel at all says so", async () => {
    expect(await describeDecisions(channels, {})).toBe("No channel takes this severity");
  });

  test("every status has words", () => {
    for (const s of ["sending", "sent", "outbox", "held", "digested", "duplicate", "failed"])
      expect(decisionInWords(s)).not.toBe(s);
  });
});
