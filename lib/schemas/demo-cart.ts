import { z } from "zod";
import { type DemoProduct, PRODUCTS } from "./demo-store";

/** One cart line: a product and how many. */
export interface CartLine {
  id: string;
  qty: number;
}

/** What the demo store keeps in localStorage between pages. */
export interface DemoCart {
  lines: CartLine[];
  /** An applied discount code (upper case), or null. */
  code: string | null;
}

export const EMPTY_CART: DemoCart = { lines: [], code: null };
export const MAX_QTY = 10;

/** Discount codes the demo store accepts: the share taken off the subtotal. */
export const DISCOUNT_CODES: Record<string, number> = { WELCOME10: 0.1 };

const cents = (x: number) => Math.round(x * 100) / 100;
/** What one unit sells for before any code (the sale price when there is one). */
export const unitPrice = (p: DemoProduct) => p.discountPrice ?? p.price;

const StoredCart = z.object({
  lines: z.array(z.object({ id: z.string(), qty: z.number().int().min(1).max(MAX_QTY) })).max(50),
  code: z.string().nullable(),
});

/** Reads a stored cart; anything unreadable, or products the store no longer sells, are left out. */
export function parseCart(text: string | null): DemoCart {
  if (!text) return EMPTY_CART;
  try {
    const parsed = StoredCart.safeParse(JSON.parse(text));
    if (!parsed.success) return EMPTY_CART;
    const lines = parsed.data.lines.filter((l) => PRODUCTS.some((p) => p.id === l.id));
    const code = parsed.data.code && DISCOUNT_CODES[parsed.data.code] ? parsed.data.code : null;
    return { lines, code };
  } catch {
    return EMPTY_CART;
  }
}

export function addToCart(cart: DemoCart, id: string): DemoCart {
  const line = cart.lines.find((l) => l.id === id);
  if (!line) return { ...cart, lines: [...cart.lines, { id, qty: 1 }] };
  return setQuantity(cart, id, line.qty + 1);
}

export function setQuantity(cart: DemoCart, id: string, qty: number): DemoCart {
  if (qty < 1) return removeFromCart(cart, id);
  const q = Math.min(MAX_QTY, Math.floor(qty));
  return { ...cart, lines: cart.lines.map((l) => (l.id === id ? { ...l, qty: q } : l)) };
}

export function removeFromCart(cart: DemoCart, id: string): DemoCart {
  return { ...cart, lines: cart.lines.filter((l) => l.id !== id) };
}

/** Applies a code typed by the visitor: the cart with it, or an explanation of why it was not taken. */
export function applyCode(cart: DemoCart, typed: string): { cart: DemoCart } | { problem: string } {
  const code = typed.trim().toUpperCase();
  if (!code) return { problem: "Type a discount code first." };
  if (!DISCOUNT_CODES[code]) return { problem: `“${typed.trim()}” is not a code this store knows.` };
  return { cart: { ...cart, code } };
}

export interface PricedLine {
  product: DemoProduct;
  qty: number;
  /** Unit price before the code. */
  unit: number;
  /** Unit price paid, after the code. */
  paidUnit: number;
  lineTotal: number;
}

export interface CartTotals {
  lines: PricedLine[];
  items: number;
  subtotal: number;
  discount: number;
  total: number;
}

/** Prices the cart: each line, the subtotal, what the code takes off, and the total to pay. */
export function priceCart(cart: DemoCart): CartTotals {
  const share = cart.code ? (DISCOUNT_CODES[cart.code] ?? 0) : 0;
  const lines: PricedLine[] = [];
  for (const l of cart.lines) {
    const product = PRODUCTS.find((p) => p.id === l.id);
    if (!product) continue;
    const unit = unitPrice(product);
    lines.push({ product, qty: l.qty, unit, paidUnit: cents(unit * (1 - share)), lineTotal: cents(unit * l.qty) });
  }
  const subtotal = cents(lines.reduce((s, l) => s + l.lineTotal, 0));
  const total = cents(lines.reduce((s, l) => s + l.paidUnit * l.qty, 0));
  return { lines, items: lines.reduce((s, l) => s + l.qty, 0), subtotal, discount: cents(subtotal - total), total };
}

/** A readable order number: SL- and eight characters without look-alikes (0/O, 1/I). */
export function orderNumber(random: () => number = Math.random): string {
  const abc = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  let s = "";
  for (let i = 0; i < 8; i++) s += abc[Math.floor(random() * abc.length)];
  return `SL-${s}`;
}
