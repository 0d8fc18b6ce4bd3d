"use client";

import { useEffect, useState } from "react";

export function ThemeToggle({ initial }: { initial: "light" | "dark" }) {
  const [theme, setTheme] = useState(initial);
  const next = theme === "dark" ? "light" : "dark";
  // The chosen theme holds even when a server render made before the choice (a navigation or
  // refresh already on its way) puts the old class back on <html>.
  useEffect(() => {
    const html = document.documentElement;
    const apply = () => {
      if (html.classList.contains("dark") !== (theme === "dark")) html.classList.toggle("dark", theme === "dark");
    };
    apply();
    const watch = new MutationObserver(apply);
    watch.observe(html, { attributes: true, attributeFilter: ["class"] });
    return () => watch.disconnect();
  }, [theme]);
  return (
    <button
      type="button"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      onClick={() => {
        // biome-ignore lint/suspicious/noDocumentCookie: one plain preference cookie; the Cookie Store API is not in every browser we support
        document.cookie = `sl_theme=${next}; Path=/; Max-Age=31536000; SameSite=Lax`;
        setTheme(next);
      }}
    >
      {theme === "dark" ? "☀ Light" : "☾ Dark"}
    </button>
  );
}
