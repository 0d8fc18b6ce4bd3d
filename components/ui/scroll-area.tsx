import type { HTMLAttributes, Ref } from "react";

type Props = HTMLAttributes<HTMLElement> & { as?: "div" | "pre"; ref?: Ref<HTMLDivElement> };

/**
 * A box that scrolls (wide tables, long JSON). It takes keyboard focus, so people who do not use a
 * mouse can scroll it with the arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollArea({ as = "div", ref, ...props }: Props) {
  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must take focus for the keyboard to scroll it
  if (as === "pre") return <pre tabIndex={0} {...props} />;
  // biome-ignore lint/a11y/noNoninteractiveTabindex: as above
  return <div tabIndex={0} ref={ref} {...props} />;
}
