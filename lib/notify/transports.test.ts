import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Message } from "./render";
import { deliver, render, type TransportOptions } from "./transports";

const requests: { url: string; body: unknown }[] = [];
let base = "";
const server = http.createServer((req, res) => {
  let data = "";
  req.on("data", (c) => {
    data += c;
  });
  req.on("end", () => {
    requests.push({ url: req.url ?? "", body: JSON.parse(data) });
    if (req.url?.includes("fail")) {
      res.statusCode = 500;
      res.end("upstream broke");
    } else res.end('{"ok":true}');
  });
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const m: Message = {
  kind: "incident",
  subject: "inc-1",
  title: "Contained: x",
  severity: 4,
  lines: ["ok"],
  fields: [],
  link: "/incidents/inc-1",
};
const opts = (): TransportOptions => ({
  appUrl: "https://app.example",
  telegramApiBase: base,
  email: null,
  emailFrom: "a@example.com",
});

test("Telegram: POST /bot<token>/sendMessage with the rendered body; Slack: POST to the webhook", async () => {
  const tg = { id: "t", kind: "telegram" as const, settings: { chatId: "-100" }, secret: { botToken: "123:abc" } };
  const d = await deliver(tg, render(tg, m, opts()), opts());
  expect(d).toMatchObject({ status: "sent", error: null });
  expect(requests.at(-1)).toEqual({
    url: "/bot123:abc/sendMessage",
    body: expect.objectContaining({ chat_id: "-100", parse_mode: "HTML" }),
  });
  const slack = { id: "s", kind: "slack" as const, settings: {}, secret: { webhookUrl: `${base}/hook` } };
  expect((await deliver(slack, render(slack, m, opts()), opts())).status).toBe("sent");
  expect(requests.at(-1)?.url).toBe("/hook");
});

test("a refusing endpoint is a failed delivery with the HTTP status; no secret means the outbox, no request", async () => {
  const bad = { id: "s", kind: "slack" as const, settings: {}, secret: { webhookUrl: `${base}/fail` } };
  expect(await deliver(bad, {}, opts())).toEqual({ status: "failed", response: "upstream broke", error: "HTTP 500" });
  const before = requests.length;
  const none = { id: "s", kind: "slack" as const, settings: {}, secret: null };
  expect((await deliver(none, {}, opts())).status).toBe("outbox");
  const mail = { id: "e", kind: "email" as const, settings: { to: ["a@b.example"] }, secret: null };
  expect((await deliver(mail, {}, opts())).status).toBe("outbox");
  expect(requests.length).toBe(before);
});
