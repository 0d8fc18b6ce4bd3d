import { FIELD, Labelled } from "@/components/ui/field";

/** The standard tracker events, offered as suggestions (any snake_case name may be typed). */
export const KNOWN_EVENTS = ["page_view", "product_view", "add_to_cart", "checkout_start", "purchase"] as const;
export const KNOWN_EVENTS_LIST = "clickstream-known-events";

/** Suggestions for every event-name input on the page (`list={KNOWN_EVENTS_LIST}`). */
export function KnownEventsList() {
  return (
    <datalist id={KNOWN_EVENTS_LIST}>
      {KNOWN_EVENTS.map((e) => (
        <option key={e} value={e} />
      ))}
    </datalist>
  );
}

/** A labelled select of `[value, label]` options. */
export function SelectField({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (v: string) => void;
}) {
  return (
    <Labelled label={label}>
      <select className={FIELD} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/** A labelled event-name input with the standard events as suggestions; empty means "any event". */
export function EventField({
  label,
  value,
  placeholder = "any event",
  onChange,
}: {
  label: string;
  value: string;
  placeholder?: string;
  onChange: (v: string) => void;
}) {
  return (
    <Labelled label={label}>
      <input
        className={`${FIELD} w-44 max-w-full`}
        list={KNOWN_EVENTS_LIST}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </Labelled>
  );
}
