"use client";

import { SightlineProvider, TrackOnMount, useSightline } from "@sightline/react";
import Link from "next/link";
import type { ReactNode } from "react";
import { addToCart } from "@/lib/schemas/demo-cart";
import { type DemoProduct, productInfo } from "@/lib/schemas/demo-store";
import { useCart, writeCart } from "./cart-store";

/** The demo store is instrumented the way a React shop would be: with the @sightline/react package. */
export function StoreTracker({ children }: { children: ReactNode }) {
  return <SightlineProvider src="/t.js">{children}</SightlineProvider>;
}

/** Sends one event when the page shows. */
export function TrackOnView({ event, product }: { event: string; product?: DemoProduct }) {
  return <TrackOnMount event={event} product={product ? productInfo(product) : undefined} />;
}

export const STORE_BUTTON =
  "rounded bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:bg-slate-300 disabled:text-slate-600";

/** Adds one unit to the cart and sends `add_to_cart` with the product. */
export function AddToCartButton({ product }: { product: DemoProduct }) {
  const sl = useSightline();
  const cart = useCart();
  const inCart = cart?.lines.find((l) => l.id === product.id)?.qty ?? 0;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={STORE_BUTTON}
        disabled={cart === null}
        onClick={() => {
          if (!cart) return;
          sl.addToCart(productInfo(product));
          writeCart(addToCart(cart, product.id));
        }}
      >
        Add to cart
      </button>
      {inCart ? (
        <p role="status" className="text-sm">
          {inCart === 1 ? "1 in your cart." : `${inCart} in your cart.`}{" "}
          <Link href="/demo-store/cart" className="text-sky-700 underline dark:text-sky-400">
            View cart
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** The header's cart link with how many items are in it. */
export function CartLink() {
  const cart = useCart();
  const items = cart?.lines.reduce((s, l) => s + l.qty, 0) ?? 0;
  return (
    <Link href="/demo-store/cart" className="hover:underline">
      Cart{items ? ` (${items})` : ""}
    </Link>
  );
}
