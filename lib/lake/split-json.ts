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
