import { expect, test } from "vitest";
import { badgeStyle } from "./severity-badge";

/** WCAG 2 contrast ratio of two #rrggbb / #rgb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const h = hex.replace("#", "");
    const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h;
    const [r, g, b] = [0, 2, 4].map((i) => {
      const c = Number.parseInt(full.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

test.each([1, 2, 3, 4, 5])("the severity %i badge's label meets WCAG AA contrast (4.5:1)", (severity) => {
  const { background, color } = badgeStyle(severity);
  expect(contrast(background, color)).toBeGreaterThanOrEqual(4.5);
});
