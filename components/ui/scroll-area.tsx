import type { HTMLAttributes, Ref } from "react";

type Props = HTMLAttributes<HTMLElement> & { as?: "div" | "pre"; ref?: Ref<HTMLDivElement> };

/**
 * A box that scrolls (wide tables, long JSON). It takes keyboard focus, so people who do not use a
 * mouse can scroll it with the arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable). It is
 * positioned, so what it holds that is positioned absolutely (screen-reader-only text) is clipped by
 * it too, rather than widening the page.
 */
export function ScrollArea({ as = "div", ref, className, ...props }: Props) {
  const cls = `relative ${className ?? ""}`.trim();
  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must take focus for the keyboard to scroll it
  if (as === "pre") return <pre tabIndex={0} className={cls} {...props} />;
  // biome-ignore lint/a11y/noNoninteractiveTabindex: as above
  return <div tabIndex={0} ref={ref} className={cls} {...props} />;
}
