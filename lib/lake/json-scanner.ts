const WORDS = ["true", "false", "null"];
/** JSON whitespace: space, newline, carriage return, tab. */
export const isWs = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** `t`, `f` or `n`: the start of true, false or null. */
const isWordStart = (v: number) => v === 116 || v === 102 || v === 110;

/**
 * Skips over JSON text for `recordSpans`: each method takes an index and returns the index past
 * what it skipped (-1 when the text ends first). Strings are skipped with `indexOf`, so the cost
 * is per token, not per character. On the way it notes what lenient readers accept and
 * `JSON.parse` rejects (`lenient`), and, with `textKeys`, a key of that name holding a number, an
 * object or an array (`nonString`).
 */
export class JsonScanner {
  readonly n: number;
  lenient = false;
  nonString = false;
  private backslash: number;

  constructor(
    readonly text: string,
    private readonly textKeys?: ReadonlySet<string>,
  ) {
    this.n = text.length;
    this.backslash = text.indexOf("\\");
  }

  skipWs(i: number): number {
    while (i < this.n && isWs(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** The first backslash at or after `from` (the text's length when none). */
  nextBackslash(from: number): number {
    if (this.backslash !== -1 && this.backslash < from) this.backslash = this.text.indexOf("\\", from);
    return this.backslash === -1 ? this.n : this.backslash;
  }

  /** Index just past the string starting at `i` (a quote). */
  skipString(i: number): number {
    const text = this.text;
    let j = i + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      if (q === -1) return -1;
      if (this.nextBackslash(j) > q) return q + 1;
      let k = q - 1;
      while (text.charCodeAt(k) === 92) k--;
      if ((q - 1 - k) % 2 === 0) return q + 1;
      j = q + 1;
    }
  }

  /** After a comma at `i`: a closing bracket next means a trailing comma. */
  comma(i: number): void {
    const c = this.text.charCodeAt(this.skipWs(i + 1));
    if (c === 93 || c === 125) this.lenient = true;
  }

  /** Index just past the value starting at `i`. */
  skipValue(i: number): number {
    const c = this.text.charCodeAt(i);
    if (c === 34) return this.skipString(i);
    if (c !== 123 && c !== 91) return this.skipScalar(i);
    return this.skipContainer(i);
  }

  /** At a letter outside strings, not inside a number: the index of the word's last letter; flags a non-JSON word. */
  private word(i: number): number {
    for (const w of WORDS) if (this.text.startsWith(w, i)) return i + w.length - 1;
    this.lenient = true;
    return i;
  }

  /** After a string [start, end): if it is a key of `textKeys` whose value is not a string, true or false, or null, flags it. */
  private keyValue(start: number, end: number): void {
    const text = this.text;
    const j = this.skipWs(end);
    if (text.charCodeAt(j) !== 58) return;
    const v = text.charCodeAt(this.skipWs(j + 1));
    if (v === 34 || isWordStart(v)) return;
    if (this.textKeys?.has(text.slice(start + 1, end - 1))) this.nonString = true;
  }

  private skipScalar(i: number): number {
    const text = this.text;
    if (isLetter(text.charCodeAt(i))) this.word(i);
    while (i < this.n) {
      const d = text.charCodeAt(i);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
      i++;
    }
    return i;
  }

  private skipContainer(i: number): number {
    const text = this.text;
    let depth = 0;
    while (i < this.n) {
      const d = text.charCodeAt(i);
      if (d === 34) {
        i = this.skipMember(i);
        if (i === -1) return -1;
        continue;
      }
      if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        depth--;
        if (depth === 0) return i + 1;
      } else if (d === 44) {
        const next = text.charCodeAt(i + 1);
        if (next === 93 || next === 125 || isWs(next)) this.comma(i);
      } else if (isLetter(d)) {
        // An exponent (1e5, 2.5E-3) follows a digit or a dot; any other letter starts a word.
        const before = text.charCodeAt(i - 1);
        if (!((before >= 48 && before <= 57) || before === 46)) i = this.word(i);
      }
      i++;
    }
    return -1;
  }

  /** A string inside a container at `i`: past it, and past its value too when that is a string right after a colon. */
  private skipMember(i: number): number {
    const start = i;
    const end = this.skipString(i);
    if (end === -1) return -1;
    // Compact JSON puts a key's colon and value right after it; anything else takes keyValue's way.
    const after = this.text.charCodeAt(end);
    if (after === 58) {
      const v = this.text.charCodeAt(end + 1);
      // "key":"value", the commonest pair: skip the value string as well.
      if (v === 34) return this.skipString(end + 1);
      if (this.textKeys && !isWordStart(v)) this.keyValue(start, end);
    } else if (this.textKeys && isWs(after)) this.keyValue(start, end);
    return end;
  }
}
