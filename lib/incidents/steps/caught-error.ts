import type { CaughtError } from "./payloads";

/** The Lambda's own message when the cause is its JSON error body (`{"errorMessage": …}`), else the cause. */
function causeMessage(cause: string): string {
  try {
    const body: unknown = JSON.parse(cause);
    const message = typeof body === "object" && body !== null ? Reflect.get(body, "errorMessage") : undefined;
    return String(message ?? cause);
  } catch {
    return cause;
  }
}

/** `Error: message` for the incident and the timeline, at most 2,000 characters. */
export function describeCaughtError(error: CaughtError | undefined, { unwrapLambda }: { unwrapLambda: boolean }) {
  const cause = String(error?.Cause ?? "");
  return `${error?.Error ?? "Error"}: ${unwrapLambda ? causeMessage(cause) : cause}`.slice(0, 2000);
}
