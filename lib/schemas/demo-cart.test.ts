import { describe, expect, test } from "vitest";
import {
  addToCart,
  applyCode,
  EMPTY_CART,
  orderNumber,
  parseCart,
  priceCart,
  removeFromCart,
  setQuantity,
} from "./demo-cart";
import { checkoutProblems, expiryOk, luhnOk } from "./demo-checkout";

describe("demo cart", () => {
  test("adding twice makes one line of two; a quantity below one removes the line", () => {
    const c = addToCart(addToCart(EMPTY_CART, "p-100"), "p-100");
    expect(c.lines).toEqual([{ id: "p-100", qty: 2 }]);
    expect(setQuantity(c, "p-100", 0).lines).toEqual([]);
    expect(removeFromCart(addToCart(c, "p-101"), "p-100").lines).toEqual([{ id: "p-101", qty: 1 }]);
  });

  test("WELCOME10 takes a tenth off the sale prices, and the total is what the units are paid", () => {
    let c = addToCart(addToCart(EMPTY_CART, "p-100"), "p-101");
    c = setQuantity(c, "p-100", 2);
    const applied = applyCode(c, " welcome10 ");
    if (!("cart" in applied)) throw new Error("code refused");
    const t = priceCart(applied.cart);
    // Trail Runner on sale at 99 (×2) and City Sneaker at 85.
    expect(t.subtotal).toBe(283);
    expect(t.discount).toBe(28.3);
    expect(t.total).toBe(254.7);
    expect(t.lines.map((l) => l.paidUnit)).toEqual([89.1, 76.5]);
    expect(t.items).toBe(3);
  });

  test("an unknown code is refused in words, and nothing changes", () => {
    expect(applyCode(EMPTY_CART, "FREE")).toEqual({ problem: "“FREE” is not a code this store knows." });
    expect(applyCode(EMPTY_CART, "  ")).toEqual({ problem: "Type a discount code first." });
  });

  test("a stored cart is read back; junk and unknown products are dropped", () => {
    const c = setQuantity(addToCart(EMPTY_CART, "p-200"), "p-200", 3);
    expect(parseCart(JSON.stringify({ ...c, code: "WELCOME10" }))).toEqual({ ...c, code: "WELCOME10" });
    expect(parseCart("not json")).toEqual(EMPTY_CART);
    expect(parseCart('["p-100"]')).toEqual(EMPTY_CART);
    expect(parseCart(JSON.stringify({ lines: [{ id: "p-999", qty: 1 }], code: "NOPE" }))).toEqual(EMPTY_CART);
  });

  test("order numbers are SL- and eight unambiguous characters", () => {
    expect(orderNumber(() => 0)).toBe("SL-AAAAAAAA");
    expect(orderNumber()).toMatch(/^SL-[A-HJ-NP-Z2-9]{8}$/);
  });
});

describe("demo checkout form", () => {
  const good = {
    name: "Ada Lovelace",
    email: "ada@example.com",
    address: "12 Analytical Row",
    city: "London",
    postcode: "NW1 6XE",
    country: "United Kingdom",
    card: "4242 4242 4242 4242",
    expiry: "12/99",
    cvc: "123",
  };

  test("a complete form has no problems", () => {
    expect(checkoutProblems(good)).toEqual({});
  });

  test("each problem says what to fix in plain words", () => {
    const p = checkoutProblems({ ...good, name: " ", email: "ada", card: "4242 4242 4242 4241", expiry: "01/20" });
    expect(p).toEqual({
      name: "Enter your full name.",
      email: "Enter an email address like name@example.com.",
      card: "That card number has a typo; check the digits.",
      expiry: "Enter an expiry date like 08/29 that has not passed.",
    });
    expect(checkoutProblems({ ...good, card: "12" }).card).toBe("Enter the card number: 12 to 19 digits.");
  });

  test("card and expiry checks", () => {
    expect(luhnOk("4242424242424242")).toBe(true);
    expect(luhnOk("4242424242424243")).toBe(false);
    const now = new Date("2026-12-07T00:00:00Z");
    expect(expiryOk("12/26", now)).toBe(true);
    expect(expiryOk("11/26", now)).toBe(false);
    expect(expiryOk("13/30", now)).toBe(false);
  });
});
