import type { EmailMessage, EmailSender } from "@/lib/ports/email";
import { emailPayload, inAppPayload, type Message, slackPayload, telegramPayload } from "./render";

export type ChannelKind = "inapp" | "slack" | "telegram" | "email";

export interface ChannelConfig {
  id: string;
  kind: ChannelKind;
  settings: Record<string, unknown>;
  /** Opened secret: `webhookUrl` (Slack) or `botToken` (Telegram); null when none is stored. */
  secret: Record<string, string> | null;
}

export interface Delivery {
  status: "sent" | "outbox" | "failed";
  response: string | null;
  error: string | null;
}

export interface TransportOptions {
  /** Absolute app URL for links in messages. */
  appUrl: string | null;
  /** Telegram Bot API base (tests point it at a local server). */
  telegramApiBase: string;
  email: EmailSender | null;
  emailFrom: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The exact request body a channel gets for a message (kept on the notification row). */
export function render(
  channel: ChannelConfig,
  m: Message,
  opts: Pick<TransportOptions, "appUrl" | "emailFrom">,
): unknown {
  switch (channel.kind) {
    case "slack":
      return slackPayload(m, opts.appUrl);
    case "telegram":
      return telegramPayload(m, String(channel.settings.chatId ?? ""), opts.appUrl);
    case "email":
      return emailPayload(m, (channel.settings.to as string[]) ?? [], opts.emailFrom, opts.appUrl);
    case "inapp":
      return inAppPayload(m);
  }
}

/**
 * Hands a rendered payload to its channel. Slack and Telegram are plain HTTPS calls (same in both
 * backends); e-mail goes through SES when a sender exists. A channel without its secret (or
 * e-mail without a sender) keeps the message in the outbox instead — exactly as it would be sent.
 */
export async function deliver(channel: ChannelConfig, payload: unknown, opts: TransportOptions): Promise<Delivery> {
  const doFetch = opts.fetch ?? fetch;
  const post = async (url: string) => {
    const res = await doFetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    const body = (await res.text()).slice(0, 500);
    return res.ok
      ? { status: "sent" as const, response: `${res.status} ${body}`, error: null }
      : { status: "failed" as const, response: body, error: `HTTP ${res.status}` };
  };
  try {
    switch (channel.kind) {
      case "inapp":
        return { status: "sent", response: null, error: null };
      case "slack":
        return channel.secret?.webhookUrl
          ? await post(channel.secret.webhookUrl)
          : { status: "outbox", response: null, error: null };
      case "telegram":
        return channel.secret?.botToken
          ? await post(`${opts.telegramApiBase}/bot${channel.secret.botToken}/sendMessage`)
          : { status: "outbox", response: null, error: null };
      case "email": {
        if (!opts.email) return { status: "outbox", response: null, error: null };
        const out = await opts.email.send(payload as EmailMessage);
        return { status: "sent", response: `MessageId ${out.messageId}`, error: null };
      }
    }
  } catch (err) {
    return { status: "failed", response: null, error: (err as Error).message.slice(0, 500) };
  }
}
