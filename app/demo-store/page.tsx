import Link from "next/link";
import { PRODUCTS } from "@/lib/schemas/demo-store";

export default function DemoStoreHome() {
  return (
    <ul className="grid grid-cols-2 gap-4 md:grid-cols-3">
      {PRODUCTS.map((p) => (
        <li key={p.id} className="rounded border border-slate-200 p-3 dark:border-slate-800">
          <Link href={`/demo-store/product/${p.id}`} className="font-medium hover:underline">
            {p.name}
          </Link>
          <p className="text-sm text-slate-500">
            {p.brand} · ${p.discountPrice ?? p.price}
          </p>
        </li>
      ))}
    </ul>
  );
}
