"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { formatMoney } from "@/components/ui/format";
import { type PlacedOrder, readOrder } from "./cart-store";

const never = () => () => {};
let cachedText: string | null = null;
let cached: PlacedOrder | null = null;
/** The stored order, the same object while its text is unchanged (useSyncExternalStore needs that). */
const snapshot = () => {
  const text = localStorage.getItem("demo_last_order");
  if (text !== cachedText) {
    cachedText = text;
    cached = readOrder();
  }
  return cached;
};

/** The thank-you page: the order number and what was bought (kept in this browser only). */
export function OrderConfirmation({ number }: { number: string }) {
  const order = useSyncExternalStore<PlacedOrder | null | undefined>(never, snapshot, () => undefined);
  if (order === undefined) return <p>Loading your order…</p>;
  if (!order || order.number !== number)
    return (
      <>
        <h1 className="mb-2 text-xl font-semibold">Order {number}</h1>
        <p>
          This browser has no record of that order.{" "}
          <Link href="/demo-store" className="text-sky-700 underline dark:text-sky-400">
            Back to the store
          </Link>
        </p>
      </>
    );
  return (
    <section className="flex flex-col gap-3" aria-labelledby="order-title">
      <h1 id="order-title" className="text-xl font-semibold">
        Thank you, your order is placed
      </h1>
      <p>
        Your order number is <strong data-testid="order-number">{order.number}</strong>. A pretend confirmation would go
        to {order.email}; nothing was charged.
      </p>
      <ul className="text-sm" aria-label="Items ordered">
        {order.items.map((i) => (
          <li key={i.name}>
            {i.qty} × {i.name} at {formatMoney(i.paidUnit)}
          </li>
        ))}
      </ul>
      <dl className="grid w-full max-w-72 grid-cols-[1fr_auto] gap-x-6 text-sm">
        <dt>Subtotal</dt>
        <dd className="text-right tabular-nums">{formatMoney(order.subtotal)}</dd>
        {order.code ? (
          <>
            <dt>Discount ({order.code})</dt>
            <dd className="text-right tabular-nums">−{formatMoney(order.discount)}</dd>
          </>
        ) : null}
        <dt className="font-semibold">Paid</dt>
        <dd className="text-right font-semibold tabular-nums">{formatMoney(order.total)}</dd>
      </dl>
      <Link href="/demo-store" className="text-sky-700 underline dark:text-sky-400">
        Keep shopping
      </Link>
    </section>
  );
}
