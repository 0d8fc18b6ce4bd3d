import { CloudActionError } from "@/lib/ports/cloud-controls";

/** Error codes that mean "try again later" (the state machine retries these with backoff). */
const TRANSIENT = new Set([
  "Throttling",
  "ThrottlingException",
  "RequestLimitExceeded",
  "ServiceUnavailable",
  "InternalError",
  "InternalFailure",
  "RequestTimeout",
  // SSM: the invocation is not visible yet right after SendCommand.
  "InvocationDoesNotExist",
]);

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/**
 * Runs one API call as `action`. A refusal becomes a CloudActionError carrying the API's error
 * code; throttling and 5xx are marked transient so the state machine's Retry handles them.
 */
export async function callAws<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as SdkError;
    const code = e.name ?? "UnknownError";
    const transient = TRANSIENT.has(code) || (e.$metadata?.httpStatusCode ?? 0) >= 500;
    throw new CloudActionError(action, code, e.message ?? String(err), transient);
  }
}

/** The request id AWS answered with (the timeline shows it). */
export const requestIdOf = (out: { $metadata?: { requestId?: string } }) => out.$metadata?.requestId ?? null;

/** `{ Key, Value }` pairs, the SDK's tag shape. */
export const sdkTags = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
