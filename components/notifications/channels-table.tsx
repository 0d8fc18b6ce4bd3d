"use client";

import { useDeleteChannelMutation, useTestChannelMutation } from "@/components/hooks/queries/use-notifications-query";
import { Button } from "@/components/ui/button";
import { ScrollArea } from "@/components/ui/scroll-area";
import { ROW, TableHead, TD } from "@/components/ui/table";
import { type ChannelSummary, decisionInWords, kindInWords } from "@/lib/schemas/notifications";

const minutes = (s: number) => (s % 60 ? `${s} seconds` : s === 60 ? "minute" : `${s / 60} minutes`);

/** The in-app centre is never limited; outward channels send at most N per window, then digest. */
const limitInWords = (c: ChannelSummary) =>
  c.kind === "inapp" ? "no limit" : `${c.rateLimit} per ${minutes(c.windowSeconds)}, then a digest`;

/** Channels with their limits and this window's traffic; a test message shows its outcome under the table. */
export function ChannelsTable({ channels }: { channels: ChannelSummary[] | undefined }) {
  const remove = useDeleteChannelMutation();
  const test = useTestChannelMutation();
  return (
    <>
      <ScrollArea className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Channels">
          <TableHead columns={["Name", "Kind", "Delivery", "From severity", "Limit", "Sent this window", "Held", ""]} />
          <tbody>
            {channels?.map((c) => (
              <tr key={c.id} className={ROW}>
                <td className={TD}>{c.name}</td>
                <td className={TD}>{kindInWords(c.kind)}</td>
                <td className={TD}>{c.delivery === "outbox" ? "outbox only (no secret configured)" : "delivered"}</td>
                <td className={TD}>{c.minSeverity}</td>
                <td className={TD}>{limitInWords(c)}</td>
                <td className={TD}>{c.sentLastWindow}</td>
                <td className={TD}>{c.held}</td>
                <td className={TD}>
                  <div className="flex gap-2">
                    <Button
                      variant="secondary"
                      disabled={test.isPending}
                      onClick={() => test.mutate(c.id)}
                      aria-label={`Send a test message to ${c.name}`}
                    >
                      Test
                    </Button>
                    {c.kind !== "inapp" ? (
                      <Button variant="secondary" onClick={() => remove.mutate(c.id)} aria-label={`Remove ${c.name}`}>
                        Remove
                      </Button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      {test.data ? (
        <p role="status" className="text-sm">
          Test message: {decisionInWords(test.data.status)}
          {test.data.error ? ` — ${test.data.error}` : ""} (the exact payload is in the outbox below)
        </p>
      ) : null}
      {test.isError ? <p role="alert">{test.error.message}</p> : null}
    </>
  );
}
