export const ERROR_STATUS = {
  unauthorized: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
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
