import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { collectionScript, parseEvidence } from "@/lib/incidents/collection-script";
import { emailPayload, type Message, slackPayload, telegramPayload } from "./render";
import { SecretBox } from "./secret-box";

const EVIL = `<script>alert("x")</script> <!channel> <@U123> <https://evil.example|click> *bold* _it_ ~st~ \`code\` & 'q'`;
const msg: Message = {
  kind: "finding",
  subject: "f-1",
  title: EVIL,
  severity: 5,
  lines: [`Description: ${EVIL}`],
  fields: [{ label: "Resource", value: EVIL }],
  link: "/findings/f-1",
};

/** Every string value in a JSON value, with the path of the object holding it. */
function strings(
  v: unknown,
  at: Record<string, unknown> | null = null,
): { s: string; holder: Record<string, unknown> | null }[] {
  if (typeof v === "string") return [{ s: v, holder: at }];
  if (Array.isArray(v)) return v.flatMap((x) => strings(x, at));
  if (v && typeof v === "object") return Object.values(v).flatMap((x) => strings(x, v as Record<string, unknown>));
  return [];
}

describe("finding text renders inert on every channel", () => {
  test("Slack: untrusted text only in plain_text objects, <, > and & escaped, fallback text without mrkdwn", () => {
    const p = slackPayload(msg, "https://sightline.example");
    expect(p.mrkdwn).toBe(false);
    const all = strings(p);
    for (const { s, holder } of all.filter((x) => x.s.includes("script"))) {
      expect(s).not.toMatch(/[<>]/);
      expect(s).toContain("&lt;script&gt;");
      expect(s).toContain("&lt;!channel&gt;");
      // Either the top-level fallback (mrkdwn off) or a plain_text object.
      expect(holder === (p as unknown) || holder?.type === "plain_text").toBe(true);
    }
    // No mrkdwn text object anywhere, so *, _, ~ and ` stay literal characters.
    expect(all.some((x) => x.holder?.type === "mrkdwn")).toBe(false);
    expect(JSON.stringify(p)).not.toMatch(/<!|<@|<http/);
    // The only link is ours, on a button.
    expect(JSON.stringify(p)).toContain('"url":"https://sightline.example/findings/f-1"');
  });

  test("Telegram: parse_mode HTML with every untrusted character escaped; only our own tags remain", () => {
    const p = telegramPayload(msg, "-100123", "https://sightline.example");
    expect(p.parse_mode).toBe("HTML");
    expect(p.chat_id).toBe("-100123");
    const tags = [...p.text.matchAll(/<\/?([a-z]+)[^>]*>/g)].map((m) => m[1]);
    expect(new Set(tags)).toEqual(new Set(["b", "i", "a"]));
    expect(p.text).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(p.text).not.toContain("<script");
    expect(p.text).toContain('<a href="https://sightline.example/findings/f-1">');
  });

  test("E-mail: HTML part escaped, plain-text part verbatim, subject a single header line", () => {
    const evilSubject = { ...msg, title: `${EVIL}\r\nBcc: victim@example.com` };
    const p = emailPayload(evilSubject, ["soc@example.com"], "sightline@example.com", null);
    const html = p.Content.Simple.Body.Html.Data;
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&#39;q&#39;");
    expect(p.Content.Simple.Body.Text.Data).toContain(EVIL);
    expect(p.Content.Simple.Subject.Data).not.toMatch(/[\r\n]/);
  });
});

describe("SecretBox", () => {
  test("round-trips, never stores the plaintext, and refuses tampering or another key", () => {
    const box = SecretBox.fromBase64(randomBytes(32).toString("base64url"));
    const sealed = box.seal({ webhookUrl: "https://hooks.slack.com/services/T/B/secret" });
    expect(sealed).not.toContain("secret");
    expect(box.open(sealed)).toEqual({ webhookUrl: "https://hooks.slack.com/services/T/B/secret" });
    const parts = sealed.split(".");
    const flipped = [...parts.slice(0, 3), `${parts[3]?.slice(0, -2)}AA`].join(".");
    expect(() => box.open(flipped)).toThrow();
    expect(() => SecretBox.fromBase64(randomBytes(32).toString("base64url")).open(sealed)).toThrow();
  });
});

describe("evidence collection script", () => {
  test("refuses unsafe bucket names and prefixes", () => {
    expect(() => collectionScript("bucket; rm -rf /", "incidents/x")).toThrow(/bucket/);
    expect(() => collectionScript("evidence-bucket", "x$(reboot)")).toThrow(/prefix/);
    expect(collectionScript("evidence-bucket", "incidents/inc-1").join("\n")).toContain("s3://evidence-bucket/$key");
  });

  test("only EVIDENCE lines under the incident's prefix count", () => {
    const h = "a".repeat(64);
    const out = [
      `EVIDENCE incidents/x/ps.txt ${h} 12`,
      `EVIDENCE other/secret.txt ${h} 1`,
      `EVIDENCE incidents/x/../../y ${h} 1`,
      "noise",
    ];
    expect(parseEvidence(out.join("\n"), "incidents/x")).toEqual([{ key: "incidents/x/ps.txt", sha256: h, bytes: 12 }]);
  });
});
