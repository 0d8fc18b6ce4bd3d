"use client";

import type { ButtonHTMLAttributes } from "react";
import { useHydrated } from "@/components/hooks/use-hydrated";

const VARIANTS = {
  primary: "bg-sky-600 text-white hover:bg-sky-700 disabled:bg-sky-400",
  secondary:
    "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800",
  danger: "bg-rose-600 text-white hover:bg-rose-700",
} as const;

/**
 * A submit button stays disabled until the page has hydrated: before that, the browser would submit
 * the form natively (a GET carrying the fields, a password included, in the URL) instead of our handler.
 */
export function Button({
  variant = "primary",
  className = "",
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      className={`inline-flex items-center justify-center gap-2 rounded-md px-3 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
      disabled={disabled || (props.type === "submit" && !hydrated)}
      {...props}
    />
  );
}
