import Link from "next/link";
import { notFound } from "next/navigation";
import { TrackOnView } from "@/components/demo-store/track";
import { CATEGORIES, PRODUCTS } from "@/lib/schemas/demo-store";

export default async function CategoryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const category = CATEGORIES.find((c) => c.slug === slug);
  if (!category) notFound();
  return (
    <>
      <TrackOnView event="category_view" />
      <h1 className="mb-4 text-xl font-semibold">{category.name}</h1>
      <ul className="flex flex-col gap-2">
        {PRODUCTS.filter((p) => p.category === slug).map((p) => (
          <li key={p.id}>
            <Link href={`/demo-store/product/${p.id}`} className="hover:underline">
              {p.name}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
