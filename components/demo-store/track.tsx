"use client";

import { SightlineProvider, TrackOnMount, useSightline } from "@sightline/react";
import type { ReactNode } from "react";
import { type DemoProduct, productInfo } from "@/lib/schemas/demo-store";

/** The demo store is instrumented the way a React shop would be: with the @sightline/react package. */
export function StoreTracker({ children }: { children: ReactNode }) {
  return <SightlineProvider src="/t.js">{children}</SightlineProvider>;
}

/** Sends one event when the page shows. */
export function TrackOnView({ event, product }: { event: string; product?: DemoProduct }) {
  return <TrackOnMount event={event} product={product ? productInfo(product) : undefined} />;
}

export function TrackButton({ event, product, label }: { event: string; product: DemoProduct; label: string }) {
  const sl = useSightline();
  return (
    <button
      type="button"
      className="rounded bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800"
      onClick={() => {
        sl.track(event, productInfo(product));
        const cart = JSON.parse(localStorage.getItem("demo_cart") ?? "[]") as string[];
        if (event === "add_to_cart") localStorage.setItem("demo_cart", JSON.stringify([...cart, product.id]));
      }}
    >
      {label}
    </button>
  );
}
