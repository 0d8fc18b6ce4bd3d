"use client";

import { useSyncExternalStore } from "react";
import { type DemoCart, EMPTY_CART, parseCart } from "@/lib/schemas/demo-cart";

/** The cart lives in localStorage so it survives reloads and moving between the store's pages. */
const KEY = "demo_cart";
/** The last order placed, read by the confirmation page. */
const ORDER_KEY = "demo_last_order";

const listeners = new Set<() => void>();
let cachedText: string | null | undefined;
let cached: DemoCart = EMPTY_CART;

function read(): DemoCart {
  const text = localStorage.getItem(KEY);
  if (text !== cachedText) {
    cachedText = text;
    cached = parseCart(text);
  }
  return cached;
}

function subscribe(fn: () => void) {
  listeners.add(fn);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) fn();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(fn);
    window.removeEventListener("storage", onStorage);
  };
}

export function writeCart(cart: DemoCart) {
  localStorage.setItem(KEY, JSON.stringify(cart));
  for (const fn of listeners) fn();
}

/** The cart as stored; null until the page has hydrated (the server has no cart). */
export function useCart(): DemoCart | null {
  return useSyncExternalStore<DemoCart | null>(subscribe, read, () => null);
}

export interface PlacedOrder {
  number: string;
  placedAt: string;
  items: { name: string; qty: number; paidUnit: number }[];
  subtotal: number;
  discount: number;
  total: number;
  code: string | null;
  email: string;
}

export function saveOrder(order: PlacedOrder) {
  localStorage.setItem(ORDER_KEY, JSON.stringify(order));
}

export function readOrder(): PlacedOrder | null {
  try {
    return JSON.parse(localStorage.getItem(ORDER_KEY) ?? "null") as PlacedOrder | null;
  } catch {
    return null;
  }
}
