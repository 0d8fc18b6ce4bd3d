"use client";

import { useEffect } from "react";
import { type DemoProduct, productInfo } from "@/lib/schemas/demo-store";

type Sightline = { track: (name: string, product?: ReturnType<typeof productInfo>) => void };
const sl = () => (window as unknown as { sightline?: Sightline }).sightline;

/** Sends one event when the page shows (after the tracker has loaded). */
export function TrackOnView({ event, product }: { event: string; product?: DemoProduct }) {
  useEffect(() => {
    let tries = 0;
    const t = setInterval(() => {
      const s = sl();
      if (s || ++tries > 50) {
        clearInterval(t);
        s?.track(event, product ? productInfo(product) : undefined);
      }
    }, 50);
    return () => clearInterval(t);
  }, [event, product]);
  return null;
}

export function TrackButton({ event, product, label }: { event: string; product: DemoProduct; label: string }) {
  return (
    <button
      type="button"
      className="rounded bg-sky-600 px-3 py-2 text-sm font-medium text-white hover:bg-sky-700"
      onClick={() => {
        sl()?.track(event, productInfo(product));
        const cart = JSON.parse(localStorage.getItem("demo_cart") ?? "[]") as string[];
        if (event === "add_to_cart") localStorage.setItem("demo_cart", JSON.stringify([...cart, product.id]));
      }}
    >
      {label}
    </button>
  );
}
