"use client";

import { useDeleteChannelMutation, useTestChannelMutation } from "@/components/hooks/queries/use-notifications-query";
import { Button } from "@/components/ui/button";
import { ROW, TableHead, TD } from "@/components/ui/table";
import type { ChannelSummary } from "@/lib/schemas/notifications";

/** Channels with their limits and this window's traffic; a test message shows its outcome under the table. */
export function ChannelsTable({ channels }: { channels: ChannelSummary[] | undefined }) {
  const remove = useDeleteChannelMutation();
  const test = useTestChannelMutation();
  return (
    <>
      <table className="w-full text-sm" aria-label="Channels">
        <TableHead columns={["Name", "Kind", "Delivery", "From severity", "Limit", "Sent this window", "Held", ""]} />
        <tbody>
          {channels?.map((c) => (
            <tr key={c.id} className={ROW}>
              <td className={TD}>{c.name}</td>
              <td className={TD}>{c.kind}</td>
              <td className={TD}>{c.delivery === "outbox" ? "outbox only (no secret configured)" : "delivered"}</td>
              <td className={TD}>{c.minSeverity}</td>
              <td className={TD}>
                {c.rateLimit} / {c.windowSeconds}s
              </td>
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
      {test.data ? (
        <p role="status" className="text-sm">
          Test message: {test.data.status}
          {test.data.error ? ` — ${test.data.error}` : ""} (the exact payload is in the outbox below)
        </p>
      ) : null}
      {test.isError ? <p role="alert">{test.error.message}</p> : null}
    </>
  );
}
