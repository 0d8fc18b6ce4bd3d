import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CartLink, StoreTracker } from "@/components/demo-store/track";
import { CATEGORIES } from "@/lib/schemas/demo-store";

export const metadata: Metadata = { title: "Demo store" };

/** A small public shop instrumented with the Sightline tracker (/t.js, loaded by @sightline/react). */
export default function DemoStoreLayout({ children }: { children: ReactNode }) {
  return (
    <StoreTracker>
      <div className="mx-auto max-w-4xl p-6">
        <header className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 pb-3 dark:border-slate-800">
          <Link href="/demo-store" className="text-lg font-semibold">
            Sightline demo store
          </Link>
          <nav aria-label="Store" className="flex flex-wrap gap-3 text-sm">
            {CATEGORIES.map((c) => (
              <Link key={c.slug} href={`/demo-store/category/${c.slug}`} className="hover:underline">
                {c.name}
              </Link>
            ))}
            <CartLink />
          </nav>
        </header>
        {children}
      </div>
    </StoreTracker>
  );
}
