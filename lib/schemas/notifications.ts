import { z } from "zod";

export const CHANNEL_KINDS = ["slack", "telegram", "email"] as const;

const common = {
  name: z.string().trim().min(1).max(80),
  minSeverity: z.coerce.number().int().min(1).max(5).default(3),
  rateLimit: z.coerce.number().int().min(1).max(1000).default(10),
  windowSeconds: z.coerce.number().int().min(10).max(86_400).default(600),
};

/**
 * A new channel. Secrets (webhook URL, bot token) are sealed at rest and never returned; leaving
 * them out makes an outbox-only channel (messages are kept exactly as they would be sent).
 */
export const ChannelInput = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("slack"),
      ...common,
      webhookUrl: z
        .string()
        .trim()
        .regex(
          /^https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]+$/,
          "a Slack incoming-webhook URL (https://hooks.slack.com/services/…)",
        )
        .optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("telegram"),
      ...common,
      botToken: z
        .string()
        .trim()
        .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "a Telegram bot token (digits:letters)")
        .optional(),
      chatId: z
        .string()
        .trim()
        .regex(/^-?\d+$|^@[A-Za-z0-9_]{5,}$/, "a numeric chat id or @channel"),
    })
    .strict(),
  z
    .object({
      kind: z.literal("email"),
      ...common,
      to: z.array(z.email()).min(1).max(20),
    })
    .strict(),
]);
export type ChannelInput = z.infer<typeof ChannelInput>;

export interface ChannelSummary {
  id: string;
  kind: "inapp" | (typeof CHANNEL_KINDS)[number];
  name: string;
  minSeverity: number;
  rateLimit: number;
  windowSeconds: number;
  /** Non-secret settings (recipients, chat id). */
  settings: Record<string, unknown>;
  /** Whether a secret is stored; the secret itself is never shown back. */
  configured: boolean;
  /** Where messages go: delivered, or kept in the outbox (no transport configured). */
  delivery: "deliver" | "outbox";
  createdBy: string;
  createdAt: string;
  sentLastWindow: number;
  held: number;
}

export const NOTIFICATION_STATUSES = ["sending", "sent", "outbox", "held", "digested", "duplicate", "failed"] as const;

const STATUS_WORDS: Record<string, string> = {
  sending: "being sent",
  sent: "delivered",
  outbox: "kept in the outbox (no sender set up)",
  held: "held back by the rate limit until the next digest",
  digested: "sent in a digest",
  duplicate: "already told about this earlier",
  failed: "could not be delivered",
};

/** A notification status in words people use ("held back by the rate limit …" rather than `held`). */
export const decisionInWords = (status: string) => STATUS_WORDS[status] ?? status;

const KIND_WORDS: Record<string, string> = { inapp: "in-app", slack: "Slack", telegram: "Telegram", email: "e-mail" };

/** A channel kind as people say it. */
export const kindInWords = (kind: string) => KIND_WORDS[kind] ?? kind;

export const OutboxQuery = z
  .object({
    channel: z.string().trim().max(80).optional(),
    status: z.enum(NOTIFICATION_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type OutboxQuery = z.infer<typeof OutboxQuery>;

export interface NotificationDto {
  id: number;
  channelId: string;
  channelKind: string;
  /** The name people gave the channel ("SOC Slack"); the id is for the API only. */
  channelName: string;
  kind: "finding" | "incident" | "digest" | "test";
  subject: string;
  title: string;
  severity: number;
  status: (typeof NOTIFICATION_STATUSES)[number];
  /** Exactly what was (or would be) sent: the Slack / Telegram / SES request body. */
  payload: unknown;
  response: string | null;
  error: string | null;
  createdAt: string;
}

/** A notification in the in-app centre, as the person looking at it sees it. */
export interface InAppNotificationDto extends NotificationDto {
  read: boolean;
}

export interface InAppList {
  items: InAppNotificationDto[];
  /** How many in-app notifications the caller has not read yet. */
  unread: number;
}

/** Mark some of the caller's in-app notifications read (or unread again), or all of them read. */
export const MarkReadInput = z.union([
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(500), read: z.boolean().default(true) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadInput = z.infer<typeof MarkReadInput>;
