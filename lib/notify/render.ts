import { SEVERITY_LABELS, type Severity } from "@/lib/lake/severity";
import type { EmailMessage } from "@/lib/ports/email";

/** What a notification says, before any channel's formatting. All strings are untrusted text. */
export interface Message {
  kind: "finding" | "incident" | "digest" | "test";
  /** The finding or incident id the message is about. */
  subject: string;
  title: string;
  severity: number;
  lines: string[];
  fields: { label: string; value: string }[];
  /** A path in the app (`/incidents/…`), made absolute with the app's URL when known. */
  link: string | null;
}

const label = (s: number) => SEVERITY_LABELS[Math.min(5, Math.max(1, Math.round(s))) as Severity];
const absolute = (link: string | null, appUrl: string | null) =>
  link && appUrl ? new URL(link, appUrl).toString() : null;

/** Slack's three control characters in text (https://api.slack.com/reference/surfaces/formatting#escaping). */
export const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
export const htmlEscape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
/** One header line: no CR/LF (header injection) and bounded. */
const headerSafe = (s: string) => s.replace(/[\r\n\t]+/g, " ").slice(0, 200);

/**
 * Slack incoming-webhook body (Block Kit). Untrusted text only ever goes into `plain_text`
 * objects, which Slack does not parse for mentions, links or formatting; the fallback `text` is
 * escaped and sent with `mrkdwn: false`.
 */
export function slackPayload(m: Message, appUrl: string | null) {
  const plain = (text: string) => ({
    type: "plain_text" as const,
    text: slackEscape(text).slice(0, 2900),
    emoji: false,
  });
  const url = absolute(m.link, appUrl);
  return {
    text: slackEscape(`[${label(m.severity)}] ${m.title}`).slice(0, 3000),
    mrkdwn: false,
    blocks: [
      { type: "header", text: plain(`[${label(m.severity)}] ${m.title}`.slice(0, 150)) },
      ...m.lines.map((l) => ({ type: "section", text: plain(l) })),
      ...(m.fields.length
        ? [{ type: "section", fields: m.fields.slice(0, 10).map((f) => plain(`${f.label}: ${f.value}`)) }]
        : []),
      ...(url
        ? [
            {
              type: "actions",
              elements: [{ type: "button", text: plain("Open in Sightline"), url }],
            },
          ]
        : []),
    ],
  };
}

/** Telegram Bot API `sendMessage` body with parse_mode HTML: everything untrusted is HTML-escaped. */
export function telegramPayload(m: Message, chatId: string, appUrl: string | null) {
  const url = absolute(m.link, appUrl);
  const parts = [
    `<b>[${label(m.severity)}] ${htmlEscape(m.title)}</b>`,
    ...m.lines.map(htmlEscape),
    ...m.fields.map((f) => `<i>${htmlEscape(f.label)}</i>: ${htmlEscape(f.value)}`),
    ...(url ? [`<a href="${htmlEscape(url)}">Open in Sightline</a>`] : []),
  ];
  return {
    chat_id: chatId,
    text: parts.join("\n").slice(0, 4096),
    parse_mode: "HTML",
    disable_web_page_preview: true,
  };
}

/** SES v2 `SendEmail` content: an HTML part with all text escaped and a plain-text part. */
export function emailPayload(m: Message, to: readonly string[], from: string, appUrl: string | null): EmailMessage {
  const url = absolute(m.link, appUrl);
  const subject = headerSafe(`[Sightline ${label(m.severity)}] ${m.title}`);
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h2>${htmlEscape(`[${label(m.severity)}] ${m.title}`)}</h2>`,
    ...m.lines.map((l) => `<p>${htmlEscape(l)}</p>`),
    m.fields.length
      ? `<table>${m.fields.map((f) => `<tr><th align="left">${htmlEscape(f.label)}</th><td>${htmlEscape(f.value)}</td></tr>`).join("")}</table>`
      : "",
    url ? `<p><a href="${htmlEscape(url)}">Open in Sightline</a></p>` : "",
    "</body></html>",
  ].join("");
  const text = [
    `[${label(m.severity)}] ${m.title}`,
    "",
    ...m.lines,
    ...m.fields.map((f) => `${f.label}: ${f.value}`),
    ...(url ? ["", url] : []),
  ].join("\n");
  return {
    FromEmailAddress: from,
    Destination: { ToAddresses: [...to] },
    Content: {
      Simple: {
        Subject: { Data: subject, Charset: "UTF-8" },
        Body: { Html: { Data: html, Charset: "UTF-8" }, Text: { Data: text, Charset: "UTF-8" } },
      },
    },
  };
}

/** The in-app centre keeps the message as data; React renders it as text. */
export const inAppPayload = (m: Message) => ({ title: m.title, lines: m.lines, fields: m.fields, link: m.link });
