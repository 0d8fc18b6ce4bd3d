import type { CheckoutField } from "@/lib/schemas/demo-checkout";

export const CHECKOUT_FIELDS: {
  name: CheckoutField;
  label: string;
  autoComplete: string;
  hint?: string;
  inputMode?: "numeric" | "email";
}[] = [
  { name: "name", label: "Full name", autoComplete: "name" },
  { name: "email", label: "Email", autoComplete: "email", inputMode: "email" },
  { name: "address", label: "Street address", autoComplete: "street-address" },
  { name: "city", label: "Town or city", autoComplete: "address-level2" },
  { name: "postcode", label: "Postcode", autoComplete: "postal-code" },
  { name: "country", label: "Country", autoComplete: "country-name" },
  {
    name: "card",
    label: "Card number",
    autoComplete: "off",
    inputMode: "numeric",
    hint: "Pretend payment: use the test number 4242 4242 4242 4242.",
  },
  { name: "expiry", label: "Expiry (MM/YY)", autoComplete: "off", inputMode: "numeric" },
  { name: "cvc", label: "Security code", autoComplete: "off", inputMode: "numeric" },
];

const INPUT =
  "rounded border bg-white px-2 py-1 dark:bg-slate-900 aria-[invalid=true]:border-rose-700 dark:aria-[invalid=true]:border-rose-400";

/** One labelled checkout input with its hint and, after a submit, what to fix. */
export function CheckoutInput({
  field: f,
  value,
  problem,
  onChange,
}: {
  field: (typeof CHECKOUT_FIELDS)[number];
  value: string;
  problem?: string;
  onChange: (v: string) => void;
}) {
  const id = `checkout-${f.name}`;
  const describedBy = [f.hint ? `${id}-hint` : "", problem ? `${id}-problem` : ""].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        {f.label}
      </label>
      {f.hint ? (
        <p id={`${id}-hint`} className="text-slate-600 dark:text-slate-400">
          {f.hint}
        </p>
      ) : null}
      <input
        id={id}
        name={f.name}
        autoComplete={f.autoComplete}
        inputMode={f.inputMode}
        className={`${INPUT} border-slate-300 dark:border-slate-700`}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem ? (
        <p id={`${id}-problem`} className="text-rose-700 dark:text-rose-400">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
