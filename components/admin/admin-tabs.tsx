import Link from "next/link";

const TABS = [
  { href: "/admin", label: "Users" },
  { href: "/admin/ingestion", label: "Ingestion" },
  { href: "/admin/clickstream", label: "Clickstream pipeline" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/api-keys", label: "API keys" },
] as const;

export function AdminTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="Admin sections" className="mb-6 flex gap-2 border-b border-slate-200 dark:border-slate-800">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.href === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${t.href === current ? "border-sky-600 font-medium" : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
