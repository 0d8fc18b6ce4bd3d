"use client";

import { useUnreadCountQuery } from "@/components/hooks/queries/use-notifications-query";

/** How many in-app notifications the signed-in person has not read; nothing when there are none. */
export function UnreadBadge() {
  const { data } = useUnreadCountQuery();
  if (!data?.unread) return null;
  return (
    <span
      data-testid="unread-badge"
      className="ml-2 inline-flex min-w-5 items-center justify-center rounded-full bg-rose-700 px-1.5 text-xs font-semibold text-white"
    >
      {data.unread > 99 ? "99+" : data.unread}
      <span className="sr-only"> unread</span>
    </span>
  );
}
