import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { EmailMessage, EmailSender } from "@/lib/ports/email";

/** E-mail through SES v2 (`SendEmail` with simple content: HTML and text parts). */
export class SesEmailSender implements EmailSender {
  constructor(private readonly client: SESv2Client = new SESv2Client({})) {}

  async send(message: EmailMessage) {
    const out = await this.client.send(new SendEmailCommand(message));
    return { messageId: out.MessageId ?? "" };
  }
}
