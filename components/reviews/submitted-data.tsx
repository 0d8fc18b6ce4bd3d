import type { ReactNode } from "react";
import { ScrollArea } from "@/components/ui/scroll-area";
import { DataTable, isFlatRecordList } from "./data-table";

/** Words that read better in capitals. */
const ACRONYMS = new Set(["id", "ip", "arn", "asg", "eni", "ec2", "iam", "vpc", "sg", "ssm", "url", "aws", "ebs"]);

/** `incidentId` → "Incident ID"; `original_state` → "Original state". */
export function labelOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([a-z])([0-9])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .split(/\s+/)
    .map((w) => {
      const lower = w.toLowerCase();
      if (ACRONYMS.has(lower)) return w.toUpperCase();
      return lower.endsWith("s") && ACRONYMS.has(lower.slice(0, -1)) ? `${lower.slice(0, -1).toUpperCase()}s` : lower;
    });
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Fields people expect first and in this order (stored JSON keeps no order of its own). */
const FIRST = ["name", "line1", "line2", "city", "postcode", "country", "email", "reference", "id", "type", "title"];
const rank = (k: string) => (FIRST.includes(k) ? FIRST.indexOf(k) : FIRST.length);

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function Scalar({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === "") return <span className="text-slate-500">—</span>;
  if (typeof value === "boolean") return <>{value ? "yes" : "no"}</>;
  return <span className="[overflow-wrap:anywhere]">{String(value)}</span>;
}

/** One value: a scalar, a list, or a nested group of fields. */
function Value({ value, depth }: { value: unknown; depth: number }): ReactNode {
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="text-slate-500">none</span>;
    if (value.every((v) => !isPlain(v) && !Array.isArray(v)))
      return <span className="[overflow-wrap:anywhere]">{value.map(String).join(", ")}</span>;
    if (isFlatRecordList(value)) return <DataTable rows={value} label={labelOf} />;
    return (
      <ol className="flex flex-col gap-2">
        {value.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a list of submitted values has nothing better to key on
          <li key={i} className="rounded border border-slate-200 p-2 dark:border-slate-800">
            <Value value={v} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  if (isPlain(value)) return <Fields data={value} depth={depth + 1} />;
  return <Scalar value={value} />;
}

/** Fields as label and value, side by side where there is room; nested groups indented. */
export function Fields({
  data,
  depth = 0,
  skip = [],
}: {
  data: Record<string, unknown>;
  depth?: number;
  skip?: string[];
}) {
  const entries = Object.entries(data)
    .filter(([k]) => !skip.includes(k))
    .sort(([a], [b]) => rank(a) - rank(b));
  return (
    <dl
      className={`grid min-w-0 grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(8rem,max-content)_minmax(0,1fr)] ${depth > 0 ? "border-l border-slate-200 pl-3 dark:border-slate-800" : ""}`}
    >
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-600 dark:text-slate-400">{labelOf(k)}</dt>
          <dd className="mb-1 min-w-0">
            <Value value={v} depth={depth} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What the workflow sent for review as a readable form; the exact JSON stays one click away and
 * wraps instead of running off the page.
 */
export function SubmittedData({ payload, skip }: { payload: Record<string, unknown>; skip: string[] }) {
  return (
    <section aria-labelledby="data-h" className="flex min-w-0 flex-col gap-2">
      <h3 id="data-h" className="font-semibold">
        {typeof payload.kind === "string" ? "Details" : "Submitted data"}
      </h3>
      <Fields data={payload} skip={skip} />
      <details className="text-sm">
        <summary className="cursor-pointer text-sky-700 dark:text-sky-400">Show as JSON</summary>
        <ScrollArea
          as="pre"
          className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs dark:bg-slate-900"
        >
          {JSON.stringify(payload, null, 2)}
        </ScrollArea>
      </details>
    </section>
  );
}
