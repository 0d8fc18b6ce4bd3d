import { AppError } from "@/lib/errors";
import { jsonDepthExceeds } from "@/lib/schemas/json-depth";

/** JSON request bodies of the app's own routes are small; a larger one is refused while it arrives. */
export const JSON_BODY_LIMIT = 1_000_000;
/** Deeper nesting than any of our schemas has is refused before parsing (deep input costs stack). */
export const JSON_MAX_DEPTH = 64;

const tooLarge = (limit: number) =>
  new AppError("payload_too_large", `The request body is too large (at most ${limit.toLocaleString("en")} bytes)`);

/**
 * The body as text, read only up to `limit` bytes: a declared `Content-Length` over it is refused
 * before reading, and a streamed (chunked) body is cancelled at the first chunk past it, so an
 * oversized request costs at most `limit` bytes of memory.
 */
export async function readBodyText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await req.body?.cancel().catch(() => undefined);
    throw tooLarge(limit);
  }
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

/** JSON text → value, with the errors people can act on (invalid JSON, nested too deeply). */
export function parseJsonText(text: string, maxDepth = JSON_MAX_DEPTH): unknown {
  if (jsonDepthExceeds(text, maxDepth))
    throw new AppError("invalid_input", `The JSON body nests deeper than ${maxDepth} levels`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON");
  }
}
