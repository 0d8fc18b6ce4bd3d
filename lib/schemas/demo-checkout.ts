import { z } from "zod";

const digits = (s: string) => s.replace(/[\s-]/g, "");

/** True when the digits pass the Luhn check every real card number passes. */
export function luhnOk(number: string): boolean {
  let sum = 0;
  const d = digits(number);
  for (let i = 0; i < d.length; i++) {
    let n = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return d.length > 0 && sum % 10 === 0;
}

/** Whether an MM/YY expiry is this month or later. */
export function expiryOk(text: string, now = new Date()): boolean {
  const m = /^(\d{2})\s*\/\s*(\d{2})$/.exec(text.trim());
  if (!m) return false;
  const month = Number(m[1]);
  const year = 2000 + Number(m[2]);
  if (month < 1 || month > 12) return false;
  return year > now.getUTCFullYear() || (year === now.getUTCFullYear() && month >= now.getUTCMonth() + 1);
}

const required = (what: string) => z.string().trim().min(1, `Enter ${what}.`).max(200, `Shorten ${what}.`);

/** The demo checkout form (nothing is charged): every message says what to fix in plain words. */
export const CheckoutForm = z.object({
  name: required("your full name"),
  email: z.string().trim().email("Enter an email address like name@example.com."),
  address: required("your street address"),
  city: required("your town or city"),
  postcode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 -]{3,10}$/, "Enter a postcode of 3 to 10 letters or numbers."),
  country: required("your country"),
  card: z
    .string()
    .refine((s) => /^\d{12,19}$/.test(digits(s)), "Enter the card number: 12 to 19 digits.")
    .refine(luhnOk, "That card number has a typo; check the digits."),
  expiry: z.string().refine((s) => expiryOk(s), "Enter an expiry date like 08/29 that has not passed."),
  cvc: z.string().regex(/^\d{3,4}$/, "Enter the 3 or 4 digit security code from the back of the card."),
});
export type CheckoutForm = z.infer<typeof CheckoutForm>;
export type CheckoutField = keyof CheckoutForm;

/** The first problem per field, for showing next to each input. */
export function checkoutProblems(input: Record<string, string>): Partial<Record<CheckoutField, string>> {
  const parsed = CheckoutForm.safeParse(input);
  if (parsed.success) return {};
  const out: Partial<Record<CheckoutField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as CheckoutField;
    if (!out[field]) out[field] = issue.message;
  }
  return out;
}
