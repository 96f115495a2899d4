/**
 * Every refusal the portal gives is `{status, code, message}` with a 4xx status; only a bug
 * produces a 5xx. Handlers throw `ApiError`; the error handler in `app.ts` renders it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, extra?: Record<string, unknown>): ApiError =>
  new ApiError(400, code, message, extra);
export const unauthorized = (
  message = 'Sign in first: the session token is missing, unknown or expired.',
): ApiError => new ApiError(401, 'UNAUTHENTICATED', message);
export const forbidden = (code: string, message: string): ApiError => new ApiError(403, code, message);
export const notFound = (code: string, message: string): ApiError => new ApiError(404, code, message);
export const conflict = (code: string, message: string, extra?: Record<string, unknown>): ApiError =>
  new ApiError(409, code, message, extra);
export const unprocessable = (code: string, message: string, extra?: Record<string, unknown>): ApiError =>
  new ApiError(422, code, message, extra);
export const tooMany = (code: string, message: string, retryAfterSeconds: number): ApiError =>
  new ApiError(429, code, message, { retryAfter: retryAfterSeconds });

/** The JSON Schema of an error answer, shared by the OpenAPI document. */
export const ERROR_SCHEMA = {
  type: 'object',
  required: ['status', 'code', 'message'],
  properties: {
    status: { type: 'integer', description: 'the HTTP status code' },
    code: { type: 'string', description: 'stable machine-readable reason, e.g. SMS_CODE_INVALID' },
    message: { type: 'string', description: 'English explanation' },
  },
} as const;
