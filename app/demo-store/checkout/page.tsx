import type { Metadata } from "next";
import { CheckoutView } from "@/components/demo-store/checkout-view";

export const metadata: Metadata = { title: "Checkout · Demo store" };

export default function CheckoutPage() {
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Checkout</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        A pretend checkout: no payment is taken and nothing is shipped.
      </p>
      <CheckoutView />
    </>
  );
}
