"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { listUrl } from "./list-memory";
import { isTypingTarget } from "./use-list-keys";

/**
 * "← All findings", back to the list as it was left (its filter), also by keyboard: u, or Backspace
 * outside a text field.
 */
export function BackToList() {
  const router = useRouter();
  const [href, setHref] = useState("/findings");
  useEffect(() => setHref(listUrl()), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e) || (e.key !== "u" && e.key !== "Backspace")) return;
      e.preventDefault();
      router.push(listUrl());
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);
  return (
    <Link href={href} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
      ← All findings <span className="text-xs text-slate-600 dark:text-slate-400">(u)</span>
    </Link>
  );
}
