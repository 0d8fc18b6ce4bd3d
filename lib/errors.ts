import { ZodError } from "zod";
import { describeAllIssues, describeIssue } from "@/lib/schemas/issue-sentences";

export const ERROR_STATUS = {
  unauthorized: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_input: 422,
  rate_limited: 429,
  cancelled: 499,
  internal: 500,
  query_failed: 502,
  unavailable: 503,
  query_timeout: 504,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * A mark every AppError carries, from the process-wide symbol registry. The app server can hold two
 * copies of this module (Next bundles instrumentation.ts, which builds the ports, apart from the
 * routes), so `instanceof` against one copy misses errors thrown by the other; the mark does not.
 */
const APP_ERROR = Symbol.for("sightline.AppError");

/** The one error type domain code throws; routes map it to `{ error: { code, message } }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly [APP_ERROR] = true;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError =>
  typeof e === "object" && e !== null && (e as { [APP_ERROR]?: boolean })[APP_ERROR] === true;

/** zod's error, by its shape (the same reason as above: the class may come from another copy). */
const isZodError = (e: unknown): e is ZodError =>
  e instanceof ZodError || (e instanceof Error && e.name === "ZodError" && Array.isArray((e as ZodError).issues));

/**
 * The one mapping of a thrown error to an HTTP status and body, for Next routes and Lambda handlers
 * alike: AppError → its status and code; zod errors → 422 with the issues in people's words (the
 * field's name as people know it, never its code name or zod's wording); anything else → 500
 * without internals (logged).
 */
export function errorBody(err: unknown): {
  status: number;
  body: { error: { code: string; message: string; issues?: unknown } };
} {
  if (isAppError(err)) return { status: err.status, body: { error: { code: err.code, message: err.message } } };
  if (isZodError(err)) {
    const message = describeAllIssues(err.issues);
    const issues = err.issues.map((i) => ({ code: i.code, path: i.path.map(String), message: describeIssue(i) }));
    return { status: 422, body: { error: { code: "invalid_input", message, issues } } };
  }
  console.error("[error] unhandled:", err);
  return { status: 500, body: { error: { code: "internal", message: "Internal error" } } };
}
