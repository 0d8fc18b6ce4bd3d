"use client";

import { useSightline } from "@sightline/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { type DemoCart, EMPTY_CART, orderNumber, priceCart } from "@/lib/schemas/demo-cart";
import { type CheckoutField, checkoutProblems } from "@/lib/schemas/demo-checkout";
import { productInfo } from "@/lib/schemas/demo-store";
import { saveOrder, useCart, writeCart } from "./cart-store";
import { CartSummary } from "./cart-view";
import { CHECKOUT_FIELDS, CheckoutInput } from "./checkout-fields";
import { STORE_BUTTON } from "./track";

type Values = Record<CheckoutField, string>;
const BLANK = Object.fromEntries(CHECKOUT_FIELDS.map((f) => [f.name, ""])) as Values;

/** `checkout_start` once per product in the cart when the checkout opens (product reports count it). */
function useCheckoutStart(cart: DemoCart | null) {
  const sl = useSightline();
  const sent = useRef(false);
  useEffect(() => {
    if (!cart || sent.current || cart.lines.length === 0) return;
    sent.current = true;
    for (const l of priceCart(cart).lines) sl.checkoutStart(productInfo(l.product));
  }, [cart, sl]);
}

/** Sends the payment step and one `purchase` per unit bought (at the price paid), then records the order. */
function usePlaceOrder() {
  const sl = useSightline();
  const router = useRouter();
  return (cart: DemoCart, email: string) => {
    const t = priceCart(cart);
    const number = orderNumber();
    sl.track("add_payment_info");
    for (const l of t.lines)
      for (let i = 0; i < l.qty; i++) sl.purchase({ ...productInfo(l.product), discountPrice: l.paidUnit });
    sl.flush();
    saveOrder({
      number,
      placedAt: new Date().toISOString(),
      items: t.lines.map((l) => ({ name: l.product.name, qty: l.qty, paidUnit: l.paidUnit })),
      subtotal: t.subtotal,
      discount: t.discount,
      total: t.total,
      code: cart.code,
      email,
    });
    writeCart(EMPTY_CART);
    router.push(`/demo-store/order/${number}`);
  };
}

/** Delivery and (pretend) payment details, checked in the browser before the order is placed. */
export function CheckoutView() {
  const cart = useCart();
  useCheckoutStart(cart);
  const place = usePlaceOrder();
  const [values, setValues] = useState<Values>(BLANK);
  const [submitted, setSubmitted] = useState(false);
  if (!cart) return <p>Loading your cart…</p>;
  if (cart.lines.length === 0)
    return (
      <p>
        Your cart is empty, so there is nothing to check out.{" "}
        <Link href="/demo-store" className="text-sky-700 underline dark:text-sky-400">
          Browse the store
        </Link>
      </p>
    );
  const problems = submitted ? checkoutProblems(values) : {};
  const count = Object.keys(problems).length;
  return (
    <div className="grid gap-8 md:grid-cols-[1fr_18rem]">
      <form
        noValidate
        aria-label="Checkout"
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(true);
          if (Object.keys(checkoutProblems(values)).length === 0) place(cart, values.email.trim());
        }}
      >
        {count ? (
          <p role="alert" className="rounded border border-rose-700 p-2 text-sm text-rose-700 dark:text-rose-400">
            {count === 1 ? "One detail needs fixing" : `${count} details need fixing`} before you can place the order.
          </p>
        ) : null}
        {CHECKOUT_FIELDS.map((f) => (
          <CheckoutInput
            key={f.name}
            field={f}
            value={values[f.name]}
            problem={problems[f.name]}
            onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))}
          />
        ))}
        <button type="submit" className={`${STORE_BUTTON} self-start`}>
          Place order
        </button>
      </form>
      <aside className="flex flex-col gap-3">
        <h2 className="font-semibold">Your order</h2>
        <CartSummary cart={cart} />
        <Link href="/demo-store/cart" className="text-sm text-sky-700 underline dark:text-sky-400">
          Change your cart
        </Link>
      </aside>
    </div>
  );
}
