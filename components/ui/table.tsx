/** The class names every data table in the app shares (header cells, cells, header and body rows). */
export const TH = "px-2 py-2 text-left font-medium";
export const TD = "px-2 py-1.5";
export const THEAD = "border-b border-slate-200 dark:border-slate-800";
export const ROW = "border-b border-slate-100 dark:border-slate-900";

/** A table header of plain column titles. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead className={THEAD}>
      <tr>
        {columns.map((h) => (
          <th key={h} className={TH}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
