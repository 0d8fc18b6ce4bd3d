/**
 * Splits text holding JSON values one after another — newline-delimited, or concatenated with
 * no separator as Firehose writes CloudWatch subscription payloads — into the text of each value.
 * Tracks strings and nesting, so braces inside strings don't confuse it. Yields [position, text].
 */
export function* splitJsonValues(text: string): Generator<[string, string]> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      if (start < 0) {
        start = i;
        startLine = line;
      }
    } else if (c === 123 || c === 91) {
      if (depth === 0) {
        start = i;
        startLine = line;
      }
      depth++;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0 && start >= 0) {
        yield [`line ${startLine}`, text.slice(start, i + 1)];
        start = -1;
      } else if (depth < 0) {
        depth = 0;
      }
    } else if (c === 10 && depth === 0 && start >= 0) {
      // A scalar or broken value on its own line.
      yield [`line ${startLine}`, text.slice(start, i)];
      start = -1;
    } else if (depth === 0 && start < 0 && c > 32) {
      start = i;
      startLine = line;
    }
  }
  if (start >= 0) yield [`line ${startLine}`, text.slice(start)];
}

/**
 * Where each element of the top-level `"Records"` array of a CloudTrail document sits in `text`:
 * `[start, end)` pairs, and whether the element's text holds a backslash (an escape, after which
 * its text is no longer what `JSON.stringify` would write). Null when the text is not one object
 * with a `Records` array. Strings are skipped with `indexOf`, so the cost is per token, not per
 * character. This only locates each record's text; it does not validate JSON, except that
 * `lenient` reports what lenient readers (DuckDB's among them) accept and `JSON.parse` rejects,
 * found outside strings: a trailing comma, or a bare word other than true, false and null
 * (NaN, Infinity, inf …). With `textKeys`, `nonString` reports whether a key of that name
 * (written without escapes) anywhere in a record holds a number, an object or an array.
 */
export interface RecordSpans {
  starts: number[];
  ends: number[];
  escaped: boolean[];
  lenient: boolean;
  nonString: boolean;
}
export function recordSpans(text: string, textKeys?: ReadonlySet<string>): RecordSpans | null {
  const n = text.length;
  let lenient = false;
  let nonString = false;
  /** After a string [start, end): if it is a key of `textKeys` whose value is not a string, true or false, or null, flags it. */
  const keyValue = (start: number, end: number) => {
    const j = skipWs(end);
    if (text.charCodeAt(j) !== 58) return;
    const v = text.charCodeAt(skipWs(j + 1));
    if (v === 34 || v === 116 || v === 102 || v === 110) return;
    if (textKeys?.has(text.slice(start + 1, end - 1))) nonString = true;
  };
  /** At a letter outside strings, not inside a number: the index of the word's last letter; flags a non-JSON word. */
  const word = (i: number): number => {
    for (const w of WORDS) if (text.startsWith(w, i)) return i + w.length - 1;
    lenient = true;
    return i;
  };
  /** After a comma at `i`: a closing bracket next means a trailing comma. */
  const comma = (i: number) => {
    const c = text.charCodeAt(skipWs(i + 1));
    if (c === 93 || c === 125) lenient = true;
  };
  let backslash = text.indexOf("\\");
  const nextBackslash = (from: number) => {
    if (backslash !== -1 && backslash < from) backslash = text.indexOf("\\", from);
    return backslash === -1 ? n : backslash;
  };
  /** Index just past the string starting at `i` (a quote). */
  const skipString = (i: number): number => {
    let j = i + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      if (q === -1) return -1;
      if (nextBackslash(j) > q) return q + 1;
      let k = q - 1;
      while (text.charCodeAt(k) === 92) k--;
      if ((q - 1 - k) % 2 === 0) return q + 1;
      j = q + 1;
    }
  };
  const skipWs = (i: number) => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
    return i;
  };
  /** Index just past the value starting at `i`. */
  const skipValue = (i: number): number => {
    const c = text.charCodeAt(i);
    if (c === 34) return skipString(i);
    if (c !== 123 && c !== 91) {
      if (isLetter(c)) word(i);
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
        i++;
      }
      return i;
    }
    let depth = 0;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 34) {
        const start = i;
        i = skipString(i);
        if (i === -1) return -1;
        // Compact JSON puts a key's colon and value right after it; anything else takes keyValue's way.
        const after = text.charCodeAt(i);
        if (after === 58) {
          const v = text.charCodeAt(i + 1);
          if (v === 34) {
            // "key":"value", the commonest pair: skip the value string as well.
            i = skipString(i + 1);
            if (i === -1) return -1;
          } else if (textKeys && v !== 116 && v !== 102 && v !== 110) keyValue(start, i);
        } else if (textKeys && isWs(after)) keyValue(start, i);
        continue;
      }
      if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        depth--;
        if (depth === 0) return i + 1;
      } else if (d === 44) {
        const next = text.charCodeAt(i + 1);
        if (next === 93 || next === 125 || isWs(next)) comma(i);
      } else if (isLetter(d)) {
        // An exponent (1e5, 2.5E-3) follows a digit or a dot; any other letter starts a word.
        const before = text.charCodeAt(i - 1);
        if (!((before >= 48 && before <= 57) || before === 46)) i = word(i);
      }
      i++;
    }
    return -1;
  };

  let i = skipWs(0);
  if (text.charCodeAt(i) !== 123) return null;
  i = skipWs(i + 1);
  let found: RecordSpans | null = null;
  while (i < n && text.charCodeAt(i) !== 125) {
    if (text.charCodeAt(i) !== 34) return null;
    const keyEnd = skipString(i);
    if (keyEnd === -1) return null;
    const key = text.slice(i + 1, keyEnd - 1);
    i = skipWs(keyEnd);
    if (text.charCodeAt(i) !== 58) return null;
    i = skipWs(i + 1);
    if (key === "Records" && text.charCodeAt(i) === 91) {
      const spans: RecordSpans = { starts: [], ends: [], escaped: [], lenient: false, nonString: false };
      i = skipWs(i + 1);
      while (i < n && text.charCodeAt(i) !== 93) {
        const firstBackslash = nextBackslash(i); // before skipping moves the cursor past the element
        const end = skipValue(i);
        if (end === -1) return null;
        spans.starts.push(i);
        spans.ends.push(end);
        spans.escaped.push(firstBackslash < end);
        i = skipWs(end);
        if (text.charCodeAt(i) === 44) {
          comma(i);
          i = skipWs(i + 1);
        } else if (text.charCodeAt(i) !== 93) return null;
      }
      if (text.charCodeAt(i) !== 93) return null;
      found = spans;
      i = skipWs(i + 1);
    } else {
      i = skipValue(i);
      if (i === -1) return null;
      i = skipWs(i);
    }
    if (text.charCodeAt(i) === 44) {
      comma(i);
      i = skipWs(i + 1);
    } else if (text.charCodeAt(i) !== 125) return null;
  }
  if (found) {
    found.lenient = lenient;
    found.nonString = nonString;
  }
  return found;
}

const WORDS = ["true", "false", "null"];
/** JSON whitespace: space, newline, carriage return, tab. */
export const isWs = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
