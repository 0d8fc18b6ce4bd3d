import Link from "next/link";

/** The "not for your role" panel: what happened, and what to do about it, in plain words. */
export function Forbidden({ section }: { section?: string }) {
  return (
    <section
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 p-6 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <h1 className="text-lg font-semibold">This page is not for your role</h1>
      <p className="mt-1 text-sm">
        Your account cannot open {section ?? "this page"}. Ask an admin if you need access.
      </p>
      <p className="mt-3 text-sm">
        <Link href="/" className="font-medium underline underline-offset-2">
          Back to the start page
        </Link>
      </p>
    </section>
  );
}
