"use client";

import { useSightline } from "@sightline/react";
import Link from "next/link";
import { useState } from "react";
import { formatMoney } from "@/components/ui/format";
import {
  applyCode,
  type DemoCart,
  MAX_QTY,
  type PricedLine,
  priceCart,
  removeFromCart,
  setQuantity,
} from "@/lib/schemas/demo-cart";
import { productInfo } from "@/lib/schemas/demo-store";
import { useCart, writeCart } from "./cart-store";
import { STORE_BUTTON } from "./track";

const INPUT = "rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900";

function CartRow({ line, cart }: { line: PricedLine; cart: DemoCart }) {
  const sl = useSightline();
  const { product: p } = line;
  return (
    <li className="flex flex-wrap items-center gap-3 border-b border-slate-200 py-3 dark:border-slate-800">
      <div className="min-w-40 flex-1">
        <Link href={`/demo-store/product/${p.id}`} className="font-medium hover:underline">
          {p.name}
        </Link>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {p.brand} · {formatMoney(line.unit)} each
        </p>
      </div>
      <label className="flex items-center gap-2 text-sm">
        Quantity
        <select
          className={INPUT}
          aria-label={`Quantity of ${p.name}`}
          value={line.qty}
          onChange={(e) => {
            sl.track("cart_update", productInfo(p));
            writeCart(setQuantity(cart, p.id, Number(e.target.value)));
          }}
        >
          {Array.from({ length: MAX_QTY }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <span className="w-24 text-right tabular-nums">{formatMoney(line.lineTotal)}</span>
      <button
        type="button"
        className="text-sm text-rose-700 underline dark:text-rose-400"
        aria-label={`Remove ${p.name}`}
        onClick={() => {
          sl.removeFromCart(productInfo(p));
          writeCart(removeFromCart(cart, p.id));
        }}
      >
        Remove
      </button>
    </li>
  );
}

function DiscountCode({ cart }: { cart: DemoCart }) {
  const sl = useSightline();
  const [typed, setTyped] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  if (cart.code)
    return (
      <p className="text-sm" role="status">
        Code <strong>{cart.code}</strong> applied.{" "}
        <button type="button" className="underline" onClick={() => writeCart({ ...cart, code: null })}>
          Remove code
        </button>
      </p>
    );
  return (
    <form
      className="flex flex-wrap items-end gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const r = applyCode(cart, typed);
        if ("problem" in r) return setProblem(r.problem);
        setProblem(null);
        sl.track("coupon_applied");
        writeCart(r.cart);
      }}
    >
      <label className="flex flex-col gap-1">
        Discount code
        <input className={INPUT} value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>
      <button type="submit" className={STORE_BUTTON}>
        Apply
      </button>
      {problem ? (
        <p role="alert" className="w-full text-rose-700 dark:text-rose-400">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

/** The order's money: subtotal, the code's discount, and the total. */
export function CartSummary({ cart }: { cart: DemoCart }) {
  const t = priceCart(cart);
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" aria-label="Order summary">
      <dt>Subtotal ({t.items === 1 ? "1 item" : `${t.items} items`})</dt>
      <dd className="text-right tabular-nums">{formatMoney(t.subtotal)}</dd>
      {cart.code ? (
        <>
          <dt>Discount ({cart.code})</dt>
          <dd className="text-right tabular-nums">−{formatMoney(t.discount)}</dd>
        </>
      ) : null}
      <dt className="font-semibold">Total</dt>
      <dd className="text-right font-semibold tabular-nums" data-testid="cart-total">
        {formatMoney(t.total)}
      </dd>
    </dl>
  );
}

/** The cart: change quantities, remove items, apply a code, then go to checkout. */
export function CartView() {
  const cart = useCart();
  if (!cart) return <p>Loading your cart…</p>;
  const t = priceCart(cart);
  if (t.lines.length === 0)
    return (
      <p>
        Your cart is empty.{" "}
        <Link href="/demo-store" className="text-sky-700 underline dark:text-sky-400">
          Browse the store
        </Link>
      </p>
    );
  return (
    <div className="flex flex-col gap-4">
      <ul aria-label="Cart items">
        {t.lines.map((l) => (
          <CartRow key={l.product.id} line={l} cart={cart} />
        ))}
      </ul>
      <DiscountCode cart={cart} />
      <div className="flex flex-col gap-3 sm:ml-auto sm:w-72">
        <CartSummary cart={cart} />
        <Link href="/demo-store/checkout" className={`${STORE_BUTTON} text-center`}>
          Go to checkout
        </Link>
      </div>
    </div>
  );
}
