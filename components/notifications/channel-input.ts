import type { ChannelInput } from "@/lib/schemas/notifications";

/** The add-channel form's fields → the API's input for that kind; secrets left empty are left out. */
export function buildChannelInput(kind: ChannelInput["kind"], f: FormData): ChannelInput {
  const s = (k: string) => String(f.get(k) ?? "").trim();
  const common = {
    name: s("name"),
    minSeverity: Number(s("minSeverity")),
    rateLimit: Number(s("rateLimit")),
    windowSeconds: Number(s("windowSeconds")),
  };
  return kind === "slack"
    ? { kind, ...common, ...(s("webhookUrl") ? { webhookUrl: s("webhookUrl") } : {}) }
    : kind === "telegram"
      ? { kind, ...common, chatId: s("chatId"), ...(s("botToken") ? { botToken: s("botToken") } : {}) }
      : {
          kind,
          ...common,
          to: s("to")
            .split(/[\s,]+/)
            .filter(Boolean),
        };
}
