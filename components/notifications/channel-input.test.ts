import { describe, expect, test } from "vitest";
import { buildChannelInput } from "./channel-input";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries({ minSeverity: "3", rateLimit: "10", windowSeconds: "600", ...fields }))
    f.set(k, v);
  return f;
};
const limits = { minSeverity: 3, rateLimit: 10, windowSeconds: 600 };

describe("buildChannelInput", () => {
  test("a Slack channel without a webhook URL is sent without one (outbox only)", () => {
    expect(buildChannelInput("slack", form({ name: " Ops ", webhookUrl: " " }))).toEqual({
      kind: "slack",
      name: "Ops",
      ...limits,
    });
  });
  test("a Telegram channel carries its chat id and, when given, the bot token", () => {
    expect(buildChannelInput("telegram", form({ name: "tg", chatId: "42", botToken: "t0k" }))).toEqual({
      kind: "telegram",
      name: "tg",
      chatId: "42",
      botToken: "t0k",
      ...limits,
    });
  });
  test("e-mail recipients split on commas and spaces", () => {
    expect(buildChannelInput("email", form({ name: "mail", to: "a@x.io, b@x.io  c@x.io," }))).toEqual({
      kind: "email",
      name: "mail",
      to: ["a@x.io", "b@x.io", "c@x.io"],
      ...limits,
    });
  });
});
