import type { ReviewDetailDto } from "@/lib/schemas/reviews";

/** The state machine as a list of states with their transitions; visited states and the current one stand out. */
export function StateGraph({ graph }: { graph: ReviewDetailDto["graph"] }) {
  return (
    <ol className="flex flex-col gap-1 text-sm" aria-label="State machine">
      {graph.map((n) => (
        <li
          key={n.name}
          data-current={n.current || undefined}
          className={`break-words rounded border px-2 py-1 ${
            n.current
              ? "border-sky-600 bg-sky-100 font-semibold dark:bg-sky-950"
              : n.visited
                ? "border-emerald-500 bg-emerald-50 dark:bg-emerald-950"
                : "border-slate-200 text-slate-500 dark:border-slate-800"
          }`}
        >
          {n.name} <span className="text-xs text-slate-500">({n.type})</span>
          {n.current ? <span className="ml-2 text-xs">← waiting here</span> : null}
          {n.next.length ? <span className="ml-2 text-xs text-slate-500">→ {n.next.join(", ")}</span> : null}
        </li>
      ))}
    </ol>
  );
}
