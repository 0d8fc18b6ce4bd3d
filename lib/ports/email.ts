import type { emailPayload } from "@/lib/notify/render";

/** Sends one rendered e-mail (SES v2 SendEmail in AWS). Locally there is none: e-mail goes to the outbox. */
export interface EmailSender {
  send(message: ReturnType<typeof emailPayload>): Promise<{ messageId: string }>;
}
