import type { Metadata } from "next";
import { CartView } from "@/components/demo-store/cart-view";
import { TrackOnView } from "@/components/demo-store/track";

export const metadata: Metadata = { title: "Your cart · Demo store" };

export default function CartPage() {
  return (
    <>
      <TrackOnView event="cart_view" />
      <h1 className="mb-1 text-xl font-semibold">Your cart</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        This is a demo shop: checkout is pretend and nothing is charged.
      </p>
      <CartView />
    </>
  );
}
