import { ScrollArea } from "@/components/ui/scroll-area";
import type { FunnelResult } from "@/lib/schemas/funnel";

const SOURCES = {
  cube: "standard-funnel cube",
  rollup: "session rollup",
  raw: "raw events",
  columnar: "columnar copy of the events",
} as const;

/** Where the numbers came from and how they were counted, with the SQL that ran. */
export function FunnelExplain({ explain: x }: { explain: FunnelResult["explain"] }) {
  return (
    <details className="rounded border border-slate-200 p-3 text-sm dark:border-slate-800">
      <summary className="cursor-pointer font-medium">Explain this number</summary>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt>Counting unit</dt>
        <dd>{x.unit}</dd>
        <dt>Window start</dt>
        <dd>{x.windowStart}</dd>
        <dt>Order</dt>
        <dd>{x.order}</dd>
        <dt>Timezone</dt>
        <dd>{x.timezone}</dd>
        <dt>Read from</dt>
        <dd>
          {SOURCES[x.path]} — {x.reason}
        </dd>
        <dt>Scanned</dt>
        <dd>
          {x.scanned.from} → {x.scanned.to}
        </dd>
        <dt>Took</dt>
        <dd>{x.ms} ms</dd>
      </dl>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        Each step counts at its first occurrence in the unit (the n-th for a step repeated n times); breakdown values
        and the product value behind "revenue lost" are the unit's first seen.
      </p>
      <ScrollArea as="pre" className="mt-2 max-h-80 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
        {x.sql}
      </ScrollArea>
    </details>
  );
}
