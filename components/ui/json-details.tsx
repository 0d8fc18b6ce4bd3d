import type { ReactNode } from "react";
import { ScrollArea } from "@/components/ui/scroll-area";

/** A one-line summary that opens onto the exact JSON behind it (API results, message payloads). */
export function JsonDetails({ summary, value, empty }: { summary: ReactNode; value: unknown; empty?: string }) {
  return (
    <details>
      <summary className="cursor-pointer">{summary}</summary>
      <ScrollArea as="pre" className="max-h-80 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
        {value === null && empty ? empty : JSON.stringify(value, null, 2)}
      </ScrollArea>
    </details>
  );
}
