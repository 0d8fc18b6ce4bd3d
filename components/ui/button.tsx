"use client";

import type { ButtonHTMLAttributes } from "react";
import { useHydrated } from "@/components/hooks/use-hydrated";

/**
 * Colours meet WCAG AA (4.5:1) for the label in both themes: white on sky-700 / rose-700. A disabled
 * button is grey with muted text in every variant, so it never looks clickable.
 */
const DISABLED =
  "disabled:border-transparent disabled:bg-slate-200 disabled:text-slate-500 dark:disabled:bg-slate-800 dark:disabled:text-slate-400";
const VARIANTS = {
  primary: `bg-sky-700 text-white hover:bg-sky-800 ${DISABLED}`,
  secondary: `border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 ${DISABLED}`,
  danger: `bg-rose-700 text-white hover:bg-rose-800 ${DISABLED}`,
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
