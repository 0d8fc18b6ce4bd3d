/** One rendered e-mail, in the shape SES v2 `SendEmail` takes (simple content: HTML and text). */
export interface EmailMessage {
  FromEmailAddress: string;
  Destination: { ToAddresses: string[] };
  Content: {
    Simple: {
      Subject: { Data: string; Charset: "UTF-8" };
      Body: { Html: { Data: string; Charset: "UTF-8" }; Text: { Data: string; Charset: "UTF-8" } };
    };
  };
}

/** Sends one rendered e-mail (SES v2 SendEmail in AWS). Locally there is none: e-mail goes to the outbox. */
export interface EmailSender {
  send(message: EmailMessage): Promise<{ messageId: string }>;
}
