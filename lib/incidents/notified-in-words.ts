/** A channel as people know it: the in-app centre, or its kind and the name its admin gave it. */
export interface ChannelName {
  id: string;
  kind: string;
  name: string;
}

const KIND_WORDS: Record<string, string> = { slack: "Slack", telegram: "Telegram", email: "e-mail" };

const channelInWords = (c: ChannelName | undefined) => {
  if (!c) return "a channel that was since removed";
  if (c.kind === "inapp") return "the in-app notifications";
  return `${KIND_WORDS[c.kind] ?? c.kind} “${c.name}”`;
};

/** What each delivery decision means to whoever reads the timeline, in the order they are told. */
const DECISION_WORDS: Record<string, (who: string) => string> = {
  sent: (who) => `Sent to ${who}`,
  sending: (who) => `Being sent to ${who}`,
  outbox: (who) => `Kept in the outbox for ${who} (no delivery is set up)`,
  held: (who) => `Held back for ${who} by its rate limit; it goes out in the next digest`,
  duplicate: (who) => `Not sent again to ${who}: the same message went out in the last 24 hours`,
  failed: (who) => `Could not be delivered to ${who}`,
};

const listInWords = (xs: string[]) =>
  xs.length < 2 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`;

/**
 * The notifier's per-channel decisions (`{ channelId: status }`) as one sentence per outcome,
 * naming channels as people set them up rather than by id.
 */
export function notifiedInWords(decisions: Record<string, string>, channels: readonly ChannelName[]): string {
  const entries = Object.entries(decisions);
  if (!entries.length) return "No notification channel takes this severity.";
  const statuses = [...new Set([...Object.keys(DECISION_WORDS), ...entries.map(([, s]) => s)])];
  const sentences = statuses.flatMap((status) => {
    const who = entries
      .filter(([, s]) => s === status)
      .map(([id]) => channelInWords(channels.find((c) => c.id === id)));
    if (!who.length) return [];
    const say = DECISION_WORDS[status] ?? ((w: string) => `${w}: ${status.replace(/_/g, " ")}`);
    return [say(listInWords(who))];
  });
  return `${sentences.join(". ")}.`;
}
