"use client";

import Link from "next/link";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { useInAppQuery, useMarkReadMutation } from "@/components/hooks/queries/use-notifications-query";
import { Button } from "@/components/ui/button";
import type { InAppNotificationDto } from "@/lib/schemas/notifications";

function InAppNotification({ n }: { n: InAppNotificationDto }) {
  const mark = useMarkReadMutation();
  const p = (n.payload ?? {}) as { lines?: string[]; link?: string | null };
  return (
    <li
      className={`rounded border p-3 text-sm ${n.read ? "border-slate-200 dark:border-slate-800" : "border-sky-400 bg-sky-50 dark:border-sky-700 dark:bg-sky-950/40"}`}
      data-read={n.read ? "true" : "false"}
      data-notification-id={n.id}
    >
      <div className="flex flex-wrap items-center gap-2">
        {n.read ? null : <span className="text-xs font-semibold text-sky-800 dark:text-sky-300">Unread</span>}
        <SeverityBadge severity={n.severity} />
        {p.link ? (
          <Link
            href={p.link}
            onClick={() => (n.read ? undefined : mark.mutate({ ids: [n.id], read: true }))}
            className="font-medium text-sky-700 hover:underline dark:text-sky-400"
          >
            {n.title}
          </Link>
        ) : (
          <span className="font-medium">{n.title}</span>
        )}
        <span className="ml-auto text-xs text-slate-600 dark:text-slate-400">
          {new Date(n.createdAt).toLocaleString()}
        </span>
        <Button
          variant="secondary"
          className="px-2 py-1 text-xs"
          disabled={mark.isPending}
          onClick={() => mark.mutate({ ids: [n.id], read: !n.read })}
          aria-label={`${n.read ? "Mark unread" : "Mark read"}: ${n.title}`}
        >
          {n.read ? "Mark unread" : "Mark read"}
        </Button>
      </div>
      {p.lines?.length ? (
        <p className="mt-1 text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">
          {p.lines.slice(0, 3).join(" · ")}
        </p>
      ) : null}
    </li>
  );
}

/** The caller's in-app notifications, newest first, unread ones marked, with "mark all read". */
export function InAppCentre() {
  const { data, isError, error } = useInAppQuery();
  const markAll = useMarkReadMutation();
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  if (!data.items.length)
    return <p className="text-sm">No notifications yet. New findings and incident updates will show up here.</p>;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-3 text-sm">
        <span data-testid="unread-summary">{data.unread ? `${data.unread} unread` : "All read"}</span>
        <Button
          variant="secondary"
          className="px-2 py-1 text-xs"
          disabled={!data.unread || markAll.isPending}
          onClick={() => markAll.mutate({ all: true })}
        >
          Mark all read
        </Button>
        {markAll.isError ? <span role="alert">{markAll.error.message}</span> : null}
      </div>
      <ul className="flex flex-col gap-2" aria-label="In-app notifications">
        {data.items.map((n) => (
          <InAppNotification key={n.id} n={n} />
        ))}
      </ul>
    </div>
  );
}
