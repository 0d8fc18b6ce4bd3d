import { isIpv6 } from "./indicator-patterns";

/**
 * The character-level searches behind `IndicatorSet.scanJson`, over JSON text free of escapes.
 * `taken` holds [start, end) pairs: first `arns` entries of ARN tokens, then of instance ids and
 * access keys found outside them.
 */

const isRunChar = (c: number) => c === 46 || (c >= 48 && c <= 57);
const isDigitChar = (c: number) => c >= 48 && c <= 57;
/** `[0-9a-fA-F:]` */
const isHexOrColon = (c: number) => (c >= 48 && c <= 58) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** The end of the [start, end) pair in `spans[from..to)` holding `at`, or -1. */
function within(spans: number[], from: number, to: number, at: number): number {
  for (let k = from; k < to; k += 2)
    if (at >= (spans[k] as number) && at < (spans[k + 1] as number)) return spans[k + 1] as number;
  return -1;
}

/** Each match of global `re` outside the ARN spans, added to `taken` and passed to `emit`. */
export function takeOutsideArns(
  re: RegExp,
  text: string,
  taken: number[],
  arns: number,
  emit: (tok: string) => void,
): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (within(taken, 0, arns, m.index) !== -1) continue;
    taken.push(m.index, m.index + m[0].length);
    emit(m[0]);
  }
}

/**
 * Each IPv4 candidate: a run of digits and dots holding a dot, found from its dots. A run inside
 * an ARN is skipped; one reaching back into an instance id or key starts after it, as it would
 * in one left-to-right pass.
 */
export function forEachIpv4Run(text: string, taken: number[], arns: number, emit: (run: string) => void): void {
  const n = text.length;
  for (let dot = text.indexOf("."); dot !== -1; ) {
    let start = dot;
    while (start > 0 && isRunChar(text.charCodeAt(start - 1))) start--;
    let end = dot + 1;
    while (end < n && isRunChar(text.charCodeAt(end))) end++;
    if (end - start >= 7 && within(taken, 0, arns, start) === -1) {
      const before = within(taken, arns, taken.length, start);
      if (before !== -1) start = before;
      if (end - start >= 7) emit(text.slice(start, end));
    }
    dot = text.indexOf(".", end);
  }
}

/** The index of the closing quote after an IPv6 candidate ending at `end` (an optional `/prefix` between), or -1. */
function closingQuoteAfter(text: string, end: number): number {
  let close = end;
  if (text.charCodeAt(end) === 47) {
    close = end + 1;
    while (close < text.length && close - end <= 4 && isDigitChar(text.charCodeAt(close))) close++;
    if (close - end < 2 || close - end > 4) return -1;
  }
  return text.charCodeAt(close) === 34 ? close : -1;
}

/**
 * Each IPv6 address that is a whole string of hex digits and colons (with an optional prefix
 * length), found from its colons: every other colon in JSON sits after a closing quote or inside
 * other text.
 */
export function forEachIpv6String(text: string, emit: (ip: string) => void): void {
  const n = text.length;
  for (let colon = text.indexOf(":"); colon !== -1; ) {
    // Most colons separate a key from its value: a quote before, a quote or value start after.
    let start = colon;
    while (start > 0 && isHexOrColon(text.charCodeAt(start - 1))) start--;
    let end = colon + 1;
    while (end < n && isHexOrColon(text.charCodeAt(end))) end++;
    const len = end - start;
    if (len >= 3 && len <= 39 && text.charCodeAt(start - 1) === 34 && closingQuoteAfter(text, end) !== -1) {
      const v = text.slice(start, end);
      if (isIpv6(v)) emit(v);
    }
    colon = text.indexOf(":", end);
  }
}
