import { ZodError } from "zod";

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

/** The one error type domain code throws; routes map it to `{ error: { code, message } }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
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

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/**
 * The one mapping of a thrown error to an HTTP status and body, for Next routes and Lambda handlers
 * alike: AppError → its status and code; zod errors → 422 with the issues; anything else → 500
 * without internals (logged).
 */
export function errorBody(err: unknown): {
  status: number;
  body: { error: { code: string; message: string; issues?: unknown } };
} {
  if (isAppError(err)) return { status: err.status, body: { error: { code: err.code, message: err.message } } };
  if (err instanceof ZodError) {
    const message = err.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
    return { status: 422, body: { error: { code: "invalid_input", message, issues: err.issues } } };
  }
  console.error("[error] unhandled:", err);
  return { status: 500, body: { error: { code: "internal", message: "Internal error" } } };
}
