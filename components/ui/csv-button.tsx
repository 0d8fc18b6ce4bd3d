"use client";

import { csvCell } from "@/lib/csv";

/** Downloads a table as CSV (formula-looking cells defused). */
export function CsvButton({
  filename,
  header,
  rows,
}: {
  filename: string;
  header: readonly string[];
  rows: readonly (readonly unknown[])[];
}) {
  return (
    <button
      type="button"
      className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      onClick={() => {
        const text = [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n");
        const url = URL.createObjectURL(new Blob([`${text}\r\n`], { type: "text/csv" }));
        const a = document.createElement("a");
        a.href = url;
        a.download = filename;
        a.click();
        URL.revokeObjectURL(url);
      }}
    >
      Export CSV
    </button>
  );
}
