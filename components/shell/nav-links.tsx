"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { UnreadBadge } from "./unread-badge";

export function NavLinks({ items }: { items: readonly { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1 md:flex-col">
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`block rounded-md px-3 py-2 text-sm font-medium ${
                active
                  ? "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-100"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              }`}
            >
              {item.label}
              {item.href === "/notifications" ? <UnreadBadge /> : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
