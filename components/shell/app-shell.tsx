import type { ReactNode } from "react";
import type { Principal } from "@/lib/schemas/auth";
import { sectionsFor } from "@/lib/schemas/navigation";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

/** Signed-in frame: header, role-filtered navigation, main content. */
export function AppShell({
  principal,
  theme,
  children,
}: {
  principal: Principal;
  theme: "light" | "dark";
  children: ReactNode;
}) {
  const items = sectionsFor(principal.roles).map(({ href, label }) => ({ href, label }));
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <span className="text-lg font-semibold tracking-tight">Sightline</span>
        <div className="flex items-center gap-3">
          <span className="hidden text-sm text-slate-600 sm:inline dark:text-slate-400" data-testid="whoami">
            {principal.email} · {principal.roles.join(", ")}
          </span>
          <ThemeToggle initial={theme} />
          <SignOutButton />
        </div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <nav
          aria-label="Main"
          className="border-b border-slate-200 p-2 md:w-52 md:border-r md:border-b-0 dark:border-slate-800"
        >
          <NavLinks items={items} />
        </nav>
        <main id="main" className="min-w-0 flex-1 p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
