import Link from "next/link";
import type { FindingDetail } from "@/lib/schemas/findings";

const KIND_OF = { ip: "ip", arn: "arn", instance: "instance", accessKey: "access-key" } as const;

/** Every entity the finding names, each linking to its timeline. */
export function FindingEntities({ indicators }: { indicators: FindingDetail["finding"]["indicators"] }) {
  return (
    <section aria-labelledby="ind-h">
      <h3 id="ind-h" className="mb-1 font-semibold">
        Entities
      </h3>
      <ul className="flex flex-wrap gap-2 text-sm">
        {(Object.keys(KIND_OF) as (keyof typeof KIND_OF)[]).flatMap((k) =>
          indicators[k].map((v) => (
            <li key={`${k}-${v}`}>
              <Link
                className="block rounded border border-slate-300 px-2 py-0.5 [overflow-wrap:anywhere] hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
                href={`/entities?kind=${KIND_OF[k]}&value=${encodeURIComponent(v)}`}
              >
                {v}
              </Link>
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
