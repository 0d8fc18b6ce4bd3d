"use client";

import Link from "next/link";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { useInAppQuery } from "@/components/hooks/queries/use-notifications-query";
import type { NotificationDto } from "@/lib/schemas/notifications";

function InAppNotification({ n }: { n: NotificationDto }) {
  const p = n.payload as { lines?: string[]; link?: string | null };
  return (
    <li className="rounded border border-slate-200 p-3 text-sm dark:border-slate-800">
      <div className="flex items-center gap-2">
        <SeverityBadge severity={n.severity} />
        {p.link ? (
          <Link href={p.link} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
            {n.title}
          </Link>
        ) : (
          <span className="font-medium">{n.title}</span>
        )}
        <span className="ml-auto text-xs text-slate-500">{new Date(n.createdAt).toLocaleString()}</span>
      </div>
      {p.lines?.length ? (
        <p className="mt-1 text-slate-600 dark:text-slate-400">{p.lines.slice(0, 3).join(" · ")}</p>
      ) : null}
    </li>
  );
}

/** The caller's in-app notifications, newest first. */
export function InAppCentre() {
  const { data, isError, error } = useInAppQuery();
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  if (!data.items.length) return <p className="text-sm">Nothing yet.</p>;
  return (
    <ul className="flex flex-col gap-2" aria-label="In-app notifications">
      {data.items.map((n) => (
        <InAppNotification key={n.id} n={n} />
      ))}
    </ul>
  );
}
