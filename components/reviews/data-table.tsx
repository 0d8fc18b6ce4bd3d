import { ScrollArea } from "@/components/ui/scroll-area";
import { THEAD, TD as td, TH as th } from "@/components/ui/table";

type Row = Record<string, unknown>;

const isScalar = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);

/** A list whose items are flat records (scalars, or lists of scalars) reads best as a table. */
export const isFlatRecordList = (v: unknown[]): v is Row[] =>
  v.length > 1 &&
  v.every(
    (item) =>
      typeof item === "object" &&
      item !== null &&
      !Array.isArray(item) &&
      Object.values(item).every((x) => isScalar(x) || (Array.isArray(x) && x.every(isScalar))),
  );

const cell = (v: unknown) =>
  v === null || v === undefined || v === ""
    ? "—"
    : Array.isArray(v)
      ? v.join(", ")
      : typeof v === "boolean"
        ? v
          ? "yes"
          : "no"
        : String(v);

function Rows({ rows, columns }: { rows: Row[]; columns: string[] }) {
  return (
    <>
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: submitted rows have no identity of their own
        <tr key={i} className="border-b border-slate-100 align-top dark:border-slate-900">
          {columns.map((c) => {
            const text = cell(r[c]);
            return (
              <td
                key={c}
                className={`${td} text-xs ${text.length > 32 ? "min-w-64 [overflow-wrap:anywhere]" : "whitespace-nowrap"}`}
              >
                {text}
              </td>
            );
          })}
        </tr>
      ))}
    </>
  );
}

/** Records as a table (columns in order of first appearance); past `shown` rows, the rest on request. */
export function DataTable({ rows, label, shown = 5 }: { rows: Row[]; label: (k: string) => string; shown?: number }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const head = (
    <thead className={THEAD}>
      <tr>
        {columns.map((c) => (
          <th key={c} className={`${th} text-xs`}>
            {label(c)}
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <ScrollArea className="max-w-full overflow-x-auto">
        <table className="min-w-full text-left">
          {head}
          <tbody>
            <Rows rows={rows.slice(0, shown)} columns={columns} />
          </tbody>
        </table>
      </ScrollArea>
      {rows.length > shown ? (
        <details>
          <summary className="cursor-pointer text-xs text-sky-700 dark:text-sky-400">
            Show {rows.length - shown} more
          </summary>
          <ScrollArea className="max-w-full overflow-x-auto">
            <table className="min-w-full text-left">
              {head}
              <tbody>
                <Rows rows={rows.slice(shown)} columns={columns} />
              </tbody>
            </table>
          </ScrollArea>
        </details>
      ) : null}
    </div>
  );
}
