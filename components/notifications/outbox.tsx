"use client";

import { useState } from "react";
import { useChannelsQuery, useOutboxQuery } from "@/components/hooks/queries/use-notifications-query";
import { FIELD, Labelled } from "@/components/ui/field";
import { JsonDetails } from "@/components/ui/json-details";
import { ScrollArea } from "@/components/ui/scroll-area";
import { ROW, TableHead, TD } from "@/components/ui/table";
import { decisionInWords, kindInWords, NOTIFICATION_STATUSES } from "@/lib/schemas/notifications";

/** Every message the channels produced, with the exact payload sent (or held), filterable by channel and status. */
export function Outbox() {
  const [channel, setChannel] = useState("");
  const [status, setStatus] = useState("");
  const { data, isError, error } = useOutboxQuery(channel, status);
  const channels = useChannelsQuery();
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <Labelled label="Channel">
          <select className={FIELD} value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">All</option>
            {channels.data?.channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled label="Status">
          <select className={`${FIELD} max-w-full`} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">All</option>
            {NOTIFICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {decisionInWords(s)}
              </option>
            ))}
          </select>
        </Labelled>
        {data ? (
          <p className="text-sm" data-testid="outbox-totals">
            {Object.entries(data.totals)
              .filter(([k, v]) => k === "total" || v > 0)
              .map(([k, v]) => `${k === "total" ? "total" : decisionInWords(k)}: ${v}`)
              .join(" · ")}
          </p>
        ) : null}
      </div>
      {isError ? <p role="alert">{error.message}</p> : null}
      <ScrollArea className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Outbox">
          <TableHead columns={["Time", "Channel", "Status", "Kind", "Message (exact payload)"]} />
          <tbody>
            {data?.items.map((n) => (
              <tr key={n.id} className={ROW}>
                <td className={`${TD} whitespace-nowrap`}>{new Date(n.createdAt).toLocaleString()}</td>
                <td className={TD}>
                  {n.channelName}{" "}
                  <span className="text-slate-600 dark:text-slate-400">({kindInWords(n.channelKind)})</span>
                </td>
                <td className={TD}>
                  {decisionInWords(n.status)}
                  {n.error ? <div className="text-xs text-rose-700">{n.error}</div> : null}
                </td>
                <td className={TD}>{n.kind}</td>
                <td className={TD}>
                  <JsonDetails summary={n.title} value={n.payload} empty="(not rendered: nothing was sent)" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </div>
  );
}
