export function Forbidden({ section }: { section: string }) {
  return (
    <section
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 p-6 dark:border-amber-700 dark:bg-amber-950"
    >
      <h1 className="text-lg font-semibold">403 — not for your role</h1>
      <p className="mt-1 text-sm">Your account cannot open {section}. Ask an admin if you need access.</p>
    </section>
  );
}
