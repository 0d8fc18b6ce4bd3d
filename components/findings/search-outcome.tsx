import type { ReactNode } from "react";

const ALERT =
  "rounded border border-rose-300 bg-rose-50 p-3 text-sm text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200";

/**
 * What a search page shows under its form: why the search is wrong (it was not sent), why it
 * failed, that it is loading, or its results.
 */
export function SearchOutcome<T>({
  problem,
  error,
  data,
  children,
}: {
  problem: string | null;
  error: Error | null;
  data: T | undefined;
  children: (data: T) => ReactNode;
}) {
  if (problem || error)
    return (
      <p role="alert" className={ALERT}>
        {problem ?? error?.message}
      </p>
    );
  if (data === undefined) return <p>Loading…</p>;
  return <>{children(data)}</>;
}
