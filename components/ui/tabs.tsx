import Link from "next/link";

/** A row of links to a section's pages, the current one marked. */
export function SectionTabs<H extends string>({
  label,
  tabs,
  current,
}: {
  label: string;
  tabs: readonly { href: H; label: string }[];
  current: H;
}) {
  return (
    <nav aria-label={label} className="mb-6 flex flex-wrap gap-x-2 border-b border-slate-200 dark:border-slate-800">
      {tabs.map((t) => (
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
