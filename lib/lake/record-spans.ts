import { JsonScanner } from "./json-scanner";

/**
 * Where each element of the top-level `"Records"` array of a CloudTrail document sits in `text`:
 * `[start, end)` pairs, and whether the element's text holds a backslash (an escape, after which
 * its text is no longer what `JSON.stringify` would write). Null when the text is not one object
 * with a `Records` array. This only locates each record's text; it does not validate JSON, except
 * that `lenient` reports what lenient readers (DuckDB's among them) accept and `JSON.parse`
 * rejects, found outside strings: a trailing comma, or a bare word other than true, false and
 * null (NaN, Infinity, inf …). With `textKeys`, `nonString` reports whether a key of that name
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
  const s = new JsonScanner(text, textKeys);
  let i = s.skipWs(0);
  if (text.charCodeAt(i) !== 123) return null;
  i = s.skipWs(i + 1);
  let found: RecordSpans | null = null;
  while (i < s.n && text.charCodeAt(i) !== 125) {
    if (text.charCodeAt(i) !== 34) return null;
    const keyEnd = s.skipString(i);
    if (keyEnd === -1) return null;
    const key = text.slice(i + 1, keyEnd - 1);
    i = s.skipWs(keyEnd);
    if (text.charCodeAt(i) !== 58) return null;
    i = s.skipWs(i + 1);
    if (key === "Records" && text.charCodeAt(i) === 91) {
      found = { starts: [], ends: [], escaped: [], lenient: false, nonString: false };
      i = locateRecords(s, i, found);
    } else {
      i = s.skipValue(i);
      if (i !== -1) i = s.skipWs(i);
    }
    if (i === -1) return null;
    if (text.charCodeAt(i) === 44) {
      s.comma(i);
      i = s.skipWs(i + 1);
    } else if (text.charCodeAt(i) !== 125) return null;
  }
  if (found) {
    found.lenient = s.lenient;
    found.nonString = s.nonString;
  }
  return found;
}

/** Records the elements of the array opening at `i` into `spans`; the index past it and its whitespace, or -1. */
function locateRecords(s: JsonScanner, i: number, spans: RecordSpans): number {
  const text = s.text;
  i = s.skipWs(i + 1);
  while (i < s.n && text.charCodeAt(i) !== 93) {
    const firstBackslash = s.nextBackslash(i); // before skipping moves the cursor past the element
    const end = s.skipValue(i);
    if (end === -1) return -1;
    spans.starts.push(i);
    spans.ends.push(end);
    spans.escaped.push(firstBackslash < end);
    i = s.skipWs(end);
    if (text.charCodeAt(i) === 44) {
      s.comma(i);
      i = s.skipWs(i + 1);
    } else if (text.charCodeAt(i) !== 93) return -1;
  }
  if (text.charCodeAt(i) !== 93) return -1;
  return s.skipWs(i + 1);
}
