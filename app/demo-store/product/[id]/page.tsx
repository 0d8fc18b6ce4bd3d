import { notFound } from "next/navigation";
import { AddToCartButton, TrackOnView } from "@/components/demo-store/track";
import { PRODUCTS } from "@/lib/schemas/demo-store";

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const product = PRODUCTS.find((p) => p.id === id);
  if (!product) notFound();
  return (
    <article className="flex flex-col gap-3">
      <TrackOnView event="product_view" product={product} />
      <h1 className="text-xl font-semibold">{product.name}</h1>
      <p className="text-sm text-slate-500">
        {product.brand} · {product.category}
      </p>
      <p>
        {product.discountPrice ? (
          <>
            <s className="text-slate-500">${product.price}</s> ${product.discountPrice}
          </>
        ) : (
          `$${product.price}`
        )}
      </p>
      <AddToCartButton product={product} />
    </article>
  );
}
