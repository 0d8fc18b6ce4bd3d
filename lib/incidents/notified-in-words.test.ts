import { describe, expect, test } from "vitest";
import { notifiedInWords } from "./notified-in-words";

const channels = [
  { id: "inapp", kind: "inapp", name: "In-app notification centre" },
  { id: "ch-4fe38f47aa", kind: "slack", name: "SOC" },
  { id: "ch-91", kind: "email", name: "On call" },
];

describe("notifiedInWords", () => {
  test("names channels as people set them up and says what each decision means", () => {
    const text = notifiedInWords({ inapp: "held", "ch-4fe38f47aa": "sent", "ch-91": "sent" }, channels);
    expect(text).toBe(
      "Sent to Slack “SOC” and e-mail “On call”. Held back for the in-app notifications by its rate limit; it goes out in the next digest.",
    );
    expect(text).not.toMatch(/inapp|ch-4fe|\bheld\b(?! back)/);
  });

  test("outbox, repeats and failures are sentences too", () => {
    expect(notifiedInWords({ "ch-91": "outbox" }, channels)).toBe(
      "Kept in the outbox for e-mail “On call” (no delivery is set up).",
    );
    expect(notifiedInWords({ inapp: "duplicate" }, channels)).toBe(
      "Not sent again to the in-app notifications: the same message went out in the last 24 hours.",
    );
    expect(notifiedInWords({ "ch-4fe38f47aa": "failed" }, channels)).toBe("Could not be delivered to Slack “SOC”.");
  });

  test("no channel, or a channel removed since, still reads as words", () => {
    expect(notifiedInWords({}, channels)).toBe("No notification channel takes this severity.");
    expect(notifiedInWords({ "ch-gone": "sent" }, channels)).toBe("Sent to a channel that was since removed.");
  });
});
